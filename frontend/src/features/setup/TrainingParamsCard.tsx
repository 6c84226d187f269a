import { useEffect, useRef } from 'react';
import { Card } from '../../components/Card';
import { NumberField, TextField } from '../../components/ConfigFields';
import { Switch } from '../../components/inputs';
import type { TrainingDraft } from '../training/trainingConfig';
import type { FieldErrors } from '../runForm/validation';
import { RECIPE_FIELDS, SetupRecipeFields } from './RecipeFields';
import { useSetupField } from './useSetupForm';

type NumKey = { [K in keyof TrainingDraft]: TrainingDraft[K] extends number ? K : never }[keyof TrainingDraft];
type BoolKey = { [K in keyof TrainingDraft]: TrainingDraft[K] extends boolean ? K : never }[keyof TrainingDraft];

const MAIN: { name: NumKey; label: string; hint?: string }[] = [
  { name: 'iterations', label: 'Iterations', hint: 'Optimizer steps.' },
  { name: 'batch_size', label: 'Batch size' },
  { name: 'learning_rate', label: 'Learning rate', hint: 'e.g. 1e-4 (scientific notation is fine).' },
  { name: 'max_seq_length', label: 'Max sequence length', hint: 'Tokens; longer rows are truncated.' },
  { name: 'save_every', label: 'Save every', hint: 'Checkpoint interval in steps.' },
];

const ADVANCED: { name: NumKey; label: string; hint?: string }[] = [
  { name: 'steps_per_report', label: 'Steps per report', hint: 'How often training loss is reported.' },
  { name: 'steps_per_eval', label: 'Steps per eval', hint: 'How often validation loss is computed.' },
  { name: 'val_batches', label: 'Validation batches', hint: '-1 uses the whole validation set.' },
  { name: 'seed', label: 'Seed' },
];

function Num({ name, label, hint, errors }: { name: NumKey; label: string; hint?: string; errors: FieldErrors }) {
  const f = useSetupField(name, errors);
  return <NumberField id={f.id} name={name} label={label} hint={hint} error={f.error} value={f.value} onChange={f.set} onBlur={f.touch} />;
}

function Toggle({ name, label, hint }: { name: BoolKey; label: string; hint?: string }) {
  const f = useSetupField(name, {});
  return <Switch id={f.id} testId={`field-${name}`} checked={!!f.value} onChange={f.set} label={label} hint={hint} />;
}

export function TrainingParamsCard({ errors }: { errors: FieldErrors }) {
  const adapter = useSetupField('adapter_name', errors);
  const earlyStop = useSetupField('early_stop', errors);
  // Opened when one of its fields has an error, never closed for the user (a controlled `open` would).
  const advanced = useRef<HTMLDetailsElement>(null);
  const advancedError = ADVANCED.some((a) => errors[a.name]) || RECIPE_FIELDS.some((f) => errors[f]);
  useEffect(() => {
    if (advancedError && advanced.current) advanced.current.open = true;
  }, [advancedError]);
  return (
    <Card id="params" title="Training parameters" description="Defaults come from the server; adjust what you need." testId="params-card">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <TextField id={adapter.id} name="adapter_name" label="Adapter name" value={adapter.value} onChange={adapter.set} onBlur={adapter.touch} error={adapter.error} hint="Letters, digits, '.', '-', '_'." />
        {MAIN.map((m) => <Num key={m.name} {...m} errors={errors} />)}
      </div>
      <div className="mt-5 grid gap-4 sm:grid-cols-2">
        <Toggle name="early_stop" label="Early stopping" hint="Stop when validation loss stops improving." />
        {earlyStop.value && <Num name="patience" label="Patience" hint="Evaluations without improvement before stopping." errors={errors} />}
      </div>
      <details ref={advanced} className="group mt-5 rounded-lg border border-slate-200 dark:border-slate-800">
        <summary className="cursor-pointer select-none rounded-lg px-3 py-2 text-xs font-medium text-slate-600 hover:bg-slate-50 dark:text-slate-300 dark:hover:bg-slate-800/50">
          Advanced
        </summary>
        <div className="grid gap-4 border-t border-slate-200 p-3 sm:grid-cols-2 lg:grid-cols-4 dark:border-slate-800">
          {ADVANCED.map((m) => <Num key={m.name} {...m} errors={errors} />)}
        </div>
        <div className="grid gap-4 border-t border-slate-200 p-3 sm:grid-cols-2 dark:border-slate-800">
          <Toggle name="grad_checkpoint" label="Gradient checkpointing" hint="Less memory, slower steps." />
          <Toggle name="mask_prompt" label="Mask prompt" hint="Train on completions only (chat/completions data)." />
        </div>
        <SetupRecipeFields errors={errors} />
      </details>
    </Card>
  );
}
