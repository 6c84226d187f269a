import { useMemo } from 'react';
import { LineChart, type ChartSeries } from '../../components/Chart';
import { NumberField } from '../../components/ConfigFields';
import { Field } from '../../components/Field';
import { SelectInput } from '../../components/inputs';
import { CHART_COLORS } from '../training/RunCharts';
import { optimizerUpdates, plannedLearningRates } from './recipe';
import { useSetupField } from './useSetupForm';
import type { FieldErrors } from './validation';

export const RECIPE_FIELDS = ['lr_schedule', 'warmup_steps', 'min_learning_rate', 'optimizer', 'weight_decay',
  'grad_accumulation_steps', 'max_grad_norm', 'epochs'] as const;

const SCHEDULES = [
  { value: 'constant', label: 'Constant' },
  { value: 'cosine', label: 'Cosine decay' },
  { value: 'linear', label: 'Linear decay' },
];
const OPTIMIZERS = [
  { value: 'adam', label: 'Adam' },
  { value: 'adamw', label: 'AdamW (decoupled weight decay)' },
  { value: 'sgd', label: 'SGD' },
  { value: 'adafactor', label: 'Adafactor' },
  { value: 'muon', label: 'Muon' },
];

function Choice({ name, label, options, hint }: { name: 'lr_schedule' | 'optimizer'; label: string; options: typeof SCHEDULES; hint?: string }) {
  const f = useSetupField(name, {});
  return (
    <Field id={f.id} name={name} label={label} hint={hint}>
      <SelectInput id={f.id} testId={`field-${name}`} value={String(f.value)} onValueChange={f.set}>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </SelectInput>
    </Field>
  );
}

type NumName = 'warmup_steps' | 'min_learning_rate' | 'grad_accumulation_steps';
function Num({ name, label, hint, errors }: { name: NumName; label: string; hint?: string; errors: FieldErrors }) {
  const f = useSetupField(name, errors);
  return <NumberField id={f.id} name={name} label={label} hint={hint} error={f.error} value={f.value} onChange={f.set} onBlur={f.touch} />;
}

/** Empty means "not set" (null), not an error. */
type OptName = 'weight_decay' | 'max_grad_norm' | 'epochs';
function Optional({ name, label, hint, errors }: { name: OptName; label: string; hint?: string; errors: FieldErrors }) {
  const f = useSetupField(name, errors);
  return (
    <NumberField id={f.id} name={name} label={label} hint={hint} error={f.error} value={f.value} optional
      onChange={(v) => f.set(Number.isNaN(v) ? null : v)} onBlur={f.touch} />
  );
}

/** The recipe inside Setup's Advanced section: schedule, optimizer, accumulation, clipping, epochs,
 *  with the planned learning rate per step drawn from the same rule mlx-lm applies. */
export function RecipeFields({ errors }: { errors: FieldErrors }) {
  const lr = useSetupField('learning_rate', errors).value;
  const iterations = useSetupField('iterations', errors).value;
  const schedule = useSetupField('lr_schedule', errors).value;
  const warmup = useSetupField('warmup_steps', errors).value;
  const low = useSetupField('min_learning_rate', errors).value;
  const accumulation = useSetupField('grad_accumulation_steps', errors).value;
  const optimizer = useSetupField('optimizer', errors).value;
  const epochs = useSetupField('epochs', errors).value;
  const series = useMemo<ChartSeries[]>(() => [{
    label: 'planned learning rate', color: CHART_COLORS.lr,
    points: plannedLearningRates({ learning_rate: lr, iterations, lr_schedule: String(schedule), warmup_steps: warmup,
      min_learning_rate: low, grad_accumulation_steps: accumulation }),
  }], [lr, iterations, schedule, warmup, low, accumulation]);
  const updates = optimizerUpdates(iterations, accumulation);
  return (
    <div className="space-y-4 border-t border-slate-200 p-3 dark:border-slate-800" data-testid="recipe-fields">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <Choice name="lr_schedule" label="Learning-rate schedule" options={SCHEDULES} />
        <Num name="warmup_steps" label="Warmup updates" hint={`Linear from 0; fewer than the run's ${Number.isFinite(updates) ? updates : '—'} updates.`} errors={errors} />
        <Num name="min_learning_rate" label="Minimum learning rate" hint="Where cosine and linear decay end." errors={errors} />
        <Choice name="optimizer" label="Optimizer" options={OPTIMIZERS} />
        <Optional name="weight_decay" label="Weight decay" errors={errors}
          hint={optimizer === 'adam' ? 'Adam has none; choose AdamW.' : 'Empty = the optimizer default (AdamW, Muon 0.01).'} />
        <Num name="grad_accumulation_steps" label="Gradient accumulation" hint="Steps per optimizer update." errors={errors} />
        <Optional name="max_grad_norm" label="Max gradient norm" hint="Clip before each update; empty = off." errors={errors} />
        <Optional name="epochs" label="Epochs" errors={errors}
          hint={epochs ? 'Replaces iterations: ceil(epochs × train rows ÷ effective batch).' : 'Empty = use iterations.'} />
      </div>
      {!epochs && <LineChart series={series} testId="lr-schedule-chart" ariaLabel="Planned learning rate by step" height={140} />}
    </div>
  );
}
