import { useAppDispatch } from '../../app/hooks';
import { Button } from '../../components/Button';
import { AddToQueueButton } from '../queue/AddToQueueButton';
import { Card } from '../../components/Card';
import { NumberField, TextField } from '../../components/ConfigFields';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { Spinner } from '../../components/Spinner';
import { DatasetPicker } from '../setup/DatasetPicker';
import { ModelCard } from '../setup/ModelCard';
import { switchMethod } from './enhancedConfig';
import { EnhancedLoraCard } from './EnhancedLoraCard';
import { RecipeFields } from '../setup/RecipeFields';
import { enhancedDraftReplaced, enhancedServerErrorsSet, enhancedSubmitAttempted } from './enhancedSlice';
import { toEnhancedConfig } from './enhancedValidation';
import { MethodCards } from './MethodCards';
import { MethodParams } from './MethodParams';
import { RewardsPicker } from './RewardsPicker';
import { useEnhancedForm } from './useEnhancedForm';

const SHARED_NUMBERS: [string, string, string?][] = [
  ['iterations', 'Iterations'], ['batch_size', 'Batch size'], ['learning_rate', 'Learning rate'],
  ['max_seq_length', 'Max sequence length'], ['save_every', 'Save every', 'Checkpoint interval in steps.'],
  ['steps_per_report', 'Steps per report'], ['steps_per_eval', 'Steps per eval'], ['val_batches', 'Validation batches', '-1 uses the whole set.'],
];

/** Enhanced Setup: GRPO-family training (separate state and endpoint from the Setup tab). */
export function EnhancedPage() {
  const dispatch = useAppDispatch();
  const f = useEnhancedForm();
  const { draft, method, errors, set, touch } = f;

  if (!draft || !method) {
    const failed = f.defaultsQuery.isError || f.methodsQuery.isError;
    return (
      <div className="space-y-5">
        <PageHeader title="Enhanced Setup" subtitle="GRPO-family training with reward functions." />
        {failed ? (
          <EmptyState title="Training methods are not available" testId="enhanced-offline"
            action={<Button onClick={f.retry} loading={f.methodsQuery.isFetching || f.defaultsQuery.isFetching} testId="methods-retry">Retry</Button>}>
            The server did not answer GET /training/methods. This page retries automatically while it starts.
          </EmptyState>
        ) : (
          <p className="flex items-center gap-2 text-slate-500"><Spinner /> Loading methods…</p>
        )}
      </div>
    );
  }

  return (
    <div className="space-y-5" data-testid="enhanced-page">
      <PageHeader title="Enhanced Setup" subtitle="GRPO, GSPO and Dr. GRPO with attention-only LoRA (self_attn q/k/v/o) as the comparison baseline." />
      <MethodCards methods={f.methods} selected={method.id} onSelect={(m) => dispatch(enhancedDraftReplaced(switchMethod(draft, method, m)))} />
      <div className="grid grid-cols-1 gap-5 lg:grid-cols-2">
        <ModelCard idPrefix="enh" value={draft.model_path} error={errors.model_path} onChange={(p) => set('model_path', p)} onBlur={() => touch('model_path')} />
        <Card id="enh-data" title="Data" description="GRPO rows: prompt, answer and an optional system message." testId="enhanced-data-card">
          <DatasetPicker idPrefix="enh" kind="grpo" trainPath={draft.train_data_path} valPath={draft.val_data_path} errors={errors}
            onTrainChange={(p) => set('train_data_path', p)} onValChange={(p) => set('val_data_path', p)} onBlur={touch} />
        </Card>
      </div>
      <Card id="enh-params" title="Training parameters" testId="enhanced-params-card">
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <TextField id="enh-adapter_name" name="adapter_name" label="Adapter name" value={draft.adapter_name} onChange={(v) => set('adapter_name', v)} onBlur={() => touch('adapter_name')} error={errors.adapter_name} />
          {SHARED_NUMBERS.map(([name, label, hint]) => (
            <NumberField key={name} id={`enh-${name}`} name={name} label={label} hint={hint} error={errors[name]}
              value={typeof draft[name] === 'number' ? (draft[name] as number) : null} onChange={(v) => set(name, v)} onBlur={() => touch(name)} />
          ))}
        </div>
      </Card>
      <EnhancedLoraCard draft={draft} errors={errors} set={set} touch={touch} />
      <details className="rounded-xl border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900" data-testid="enhanced-recipe">
        <summary className="cursor-pointer select-none px-4 py-3 text-sm font-medium">Schedule and optimizer</summary>
        <RecipeFields values={draft} errors={errors} set={set} touch={touch} prefix="enh" kind="grpo" />
      </details>
      <Card id="enh-method" title={`${method.name} parameters`} description={`${method.full_name} · LoRA r ${String(draft.lora_rank ?? '—')}, α ${String(draft.lora_alpha ?? '—')} on attention projections`} testId="method-params-card">
        <MethodParams params={method.parameters ?? []} draft={draft} errors={errors} set={set} touch={touch} />
      </Card>
      <Card id="enh-rewards" title="Rewards" testId="rewards-card">
        <RewardsPicker available={f.rewardFunctions} draft={draft} errors={errors} set={set} />
      </Card>
      <div className="flex flex-wrap items-center justify-end gap-3 rounded-xl border border-slate-200 bg-white px-4 py-3 dark:border-slate-800 dark:bg-slate-900">
        {Object.keys(errors).length > 0 && (
          <p className="mr-auto text-xs font-medium text-rose-600 dark:text-rose-400" data-testid="enhanced-problems">
            {Object.keys(errors).length} field{Object.keys(errors).length === 1 ? '' : 's'} need attention.
          </p>
        )}
        <AddToQueueButton kind="enhanced" config={toEnhancedConfig(draft)} clientErrors={f.clientErrors} order={f.order} prefix="enh"
          onSubmitAttempted={() => dispatch(enhancedSubmitAttempted())} onServerErrors={(e) => dispatch(enhancedServerErrorsSet(e))} />
        <Button variant="primary" size="lg" onClick={f.submit} loading={f.starting} testId="enhanced-start-button">
          Start {method.name} training
        </Button>
      </div>
    </div>
  );
}
