import { useMemo } from 'react';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import type { ConfigValue } from '../../app/apiTypes';
import { LineChart, type ChartSeries } from '../../components/Chart';
import { NumberField } from '../../components/ConfigFields';
import { Field } from '../../components/Field';
import { SelectInput } from '../../components/inputs';
import { CHART_COLORS } from '../training/RunCharts';
import type { TrainingDraft } from '../training/trainingConfig';
import type { DatasetKind, DistributedSettings } from '../../app/apiTypes';
import { useValidateDatasetQuery } from './api';
import { effectiveBatch } from './distributed';
import { iterationsForEpochs, optimizerUpdates, plannedLearningRates, trainingRows } from '../training/recipe';
import { setupFieldChanged, setupFieldTouched } from './setupSlice';
import type { FieldErrors } from '../runForm/validation';

export const RECIPE_FIELDS = ['lr_schedule', 'warmup_steps', 'min_learning_rate', 'optimizer', 'weight_decay',
  'grad_accumulation_steps', 'max_grad_norm', 'epochs', 'stall_timeout_s'] as const;

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

export interface RecipeFieldsProps {
  /** The form's draft (Setup's or Enhanced Setup's): the recipe keys plus learning_rate and iterations. */
  values: Record<string, unknown>;
  errors: FieldErrors;
  set: (field: string, value: ConfigValue) => void;
  touch: (field: string) => void;
  /** Id prefix of the form's inputs ("setup", "enh"). */
  prefix: string;
  /** Dataset kind, to count the training rows an `epochs` setting stands for. */
  kind: DatasetKind;
}

/** "= N iterations" for an epochs setting, once the training file's rows are known. */
function useEpochIterations(values: Record<string, unknown>, kind: DatasetKind): number | null {
  const path = typeof values.train_data_path === 'string' ? values.train_data_path.trim() : '';
  const epochs = typeof values.epochs === 'number' && values.epochs > 0 ? values.epochs : null;
  const { data } = useValidateDatasetQuery({ path, kind }, { skip: !path || epochs === null });
  const batch = effectiveBatch(num(values.batch_size), values.distributed as DistributedSettings | undefined);
  if (!data?.ok || epochs === null || !batch) return null;
  return iterationsForEpochs(epochs, trainingRows(data.rows, !!values.val_data_path), batch);
}

const num = (v: unknown): number => (typeof v === 'number' ? v : Number.NaN);

/** The recipe: schedule, optimizer, accumulation, clipping, epochs, with the planned learning rate per
 *  step drawn from the same rule mlx-lm applies; and how long a silent run may last before it is
 *  declared stalled. Shared by Setup (Advanced) and Enhanced Setup. */
export function RecipeFields({ values, errors, set, touch, prefix, kind }: RecipeFieldsProps) {
  const epochIterations = useEpochIterations(values, kind);
  const recipe = {
    learning_rate: num(values.learning_rate), iterations: num(values.iterations), lr_schedule: String(values.lr_schedule ?? 'constant'),
    warmup_steps: num(values.warmup_steps), min_learning_rate: num(values.min_learning_rate),
    grad_accumulation_steps: num(values.grad_accumulation_steps),
  };
  const key = JSON.stringify(recipe);
  // keyed by the recipe's values (a new object each render)
  const series = useMemo<ChartSeries[]>(() => [{ label: 'planned learning rate', color: CHART_COLORS.lr, points: plannedLearningRates(recipe) }], [key]);
  const updates = optimizerUpdates(recipe.iterations, recipe.grad_accumulation_steps);
  const epochs = values.epochs;

  const choice = (name: 'lr_schedule' | 'optimizer', label: string, options: typeof SCHEDULES) => (
    <Field id={`${prefix}-${name}`} name={name} label={label} error={errors[name]}>
      <SelectInput id={`${prefix}-${name}`} testId={`field-${name}`} value={String(values[name] ?? '')} onValueChange={(v) => set(name, v)}>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </SelectInput>
    </Field>
  );
  const number = (name: string, label: string, hint: string, optional = false) => (
    <NumberField id={`${prefix}-${name}`} name={name} label={label} hint={hint} error={errors[name]} optional={optional}
      value={typeof values[name] === 'number' ? (values[name] as number) : null}
      onChange={(v) => set(name, optional && Number.isNaN(v) ? null : v)} onBlur={() => touch(name)} />
  );

  return (
    <div className="space-y-4 border-t border-slate-200 p-3 dark:border-slate-800" data-testid="recipe-fields">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {choice('lr_schedule', 'Learning-rate schedule', SCHEDULES)}
        {number('warmup_steps', 'Warmup updates', `Linear from 0; fewer than the run's ${Number.isFinite(updates) ? updates : '—'} updates.`)}
        {number('min_learning_rate', 'Minimum learning rate', 'Where cosine and linear decay end.')}
        {choice('optimizer', 'Optimizer', OPTIMIZERS)}
        {number('weight_decay', 'Weight decay', values.optimizer === 'adam' ? 'Adam has none; choose AdamW.' : 'Empty = the optimizer default (AdamW, Muon 0.01).', true)}
        {number('grad_accumulation_steps', 'Gradient accumulation', 'Steps per optimizer update.')}
        {number('max_grad_norm', 'Max gradient norm', 'Clip before each update; empty = off.', true)}
        {number('epochs', 'Epochs', epochs ? `Replaces iterations: ceil(epochs × train rows ÷ effective batch)${epochIterations ? ` = ${epochIterations} iterations` : ''}.` : 'Empty = use iterations.', true)}
        {number('stall_timeout_s', 'Stall timeout (s)', 'No step for this long: the run ends as stalled, its last checkpoint kept. Empty = max(60 s, 10 × the median step time).', true)}
      </div>
      {!epochs && <LineChart series={series} testId={`${prefix}-lr-schedule-chart`} ariaLabel="Planned learning rate by step" height={140} />}
    </div>
  );
}

/** The recipe bound to the Setup tab's draft. */
export function SetupRecipeFields({ errors }: { errors: FieldErrors }) {
  const dispatch = useAppDispatch();
  const draft = useAppSelector((s) => s.setup.draft);
  if (!draft) return null;
  return (
    <RecipeFields values={draft as unknown as Record<string, unknown>} errors={errors} prefix="setup" kind="sft"
      set={(f, v) => dispatch(setupFieldChanged(f as keyof TrainingDraft, v as never))}
      touch={(f) => dispatch(setupFieldTouched(f))} />
  );
}
