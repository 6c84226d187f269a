import { useAppDispatch } from '../../app/hooks';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { EmptyState } from '../../components/EmptyState';
import { Spinner } from '../../components/Spinner';
import { PageHeader } from '../../components/PageHeader';
import { mergeTrainingConfig } from '../training/trainingConfig';
import { DatasetPicker } from './DatasetPicker';
import { DistributedCard } from './DistributedCard';
import { LoraCard } from './LoraCard';
import { ModelCard } from './ModelCard';
import { RunSummaryCard } from './RunSummaryCard';
import {
  setupDraftReplaced, setupFieldChanged, setupFieldTouched, setupModelChanged, setupServerErrorsSet, setupSubmitAttempted,
} from './setupSlice';
import { TrainingParamsCard } from './TrainingParamsCard';
import { AddToQueueButton } from '../queue/AddToQueueButton';
import { useDesktopCommands } from './useDesktopCommands';
import { useMemoryEstimate } from './memoryEstimate';
import { MemoryEstimateView } from './MemoryEstimateView';
import { SETUP_FIELD_ORDER, useSetupForm } from './useSetupForm';
import { toTrainingConfig, useStartTraining } from './useStartTraining';

/** Setup tab: full-layer LoRA SFT. */
export function SetupPage() {
  const dispatch = useAppDispatch();
  const { draft, origin, defaults, defaultsQuery, defaultsRetry, model, clientErrors, errors } = useSetupForm();
  const { submit, isLoading } = useStartTraining(clientErrors);
  const estimate = useMemoryEstimate(draft && Object.keys(clientErrors).length === 0 ? toTrainingConfig(draft) : null);
  // Above the available memory, starting needs a confirmation.
  const start = () => (estimate.data?.verdict !== 'too_big' || window.confirm('The memory estimate is above what this machine has available. Start anyway?')) && submit();
  useDesktopCommands(submit);

  if (!draft) {
    return (
      <div className="space-y-5">
        <PageHeader title="Setup" subtitle="Fine-tune a model with full-layer LoRA (SFT)." />
        {defaultsQuery.isError ? (
          <EmptyState title="Waiting for the LoRA Studio server" testId="setup-offline"
            action={<Button onClick={defaultsRetry.retryNow} loading={defaultsQuery.isFetching} testId="defaults-retry">Retry now</Button>}>
            The training defaults could not be loaded. Start the server with <code className="chip">python -m backend serve</code>; this page retries automatically.
          </EmptyState>
        ) : (
          <p className="flex items-center gap-2 text-slate-500" data-testid="setup-loading"><Spinner /> Loading defaults…</p>
        )}
      </div>
    );
  }

  const resetToDefaults = () => defaults && dispatch(setupDraftReplaced({ draft: mergeTrainingConfig(defaults), origin: { kind: 'defaults' } }));

  return (
    <div className="space-y-5" data-testid="setup-page">
      <PageHeader
        title="Setup"
        subtitle="Fine-tune a model with full-layer LoRA (SFT)."
        actions={<Button size="sm" variant="ghost" onClick={resetToDefaults} testId="setup-reset">Reset to defaults</Button>}
      >
        {origin.kind === 'session' && (
          <p className="mt-1 text-xs text-slate-500" data-testid="setup-origin">Settings loaded from session <span className="font-medium">{origin.name}</span>.</p>
        )}
      </PageHeader>
      <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <div className="min-w-0 space-y-5">
          <ModelCard
            idPrefix="setup"
            value={draft.model_path}
            error={errors.model_path}
            onChange={(path, m) => dispatch(setupModelChanged({ path, depth: m?.num_hidden_layers ?? null }))}
            onBlur={() => dispatch(setupFieldTouched('model_path'))}
          />
          <Card id="data" title="Data" description="Chat, prompt/completion, text, Alpaca, ShareGPT or table rows; the preview shows what is trained." testId="data-card">
            <DatasetPicker
              idPrefix="setup"
              kind="sft"
              trainPath={draft.train_data_path}
              valPath={draft.val_data_path}
              errors={errors}
              onTrainChange={(p) => {
                dispatch(setupFieldChanged('train_data_path', p));
                if (draft.data_mapping) dispatch(setupFieldChanged('data_mapping', null)); // another file, other columns
              }}
              onValChange={(p) => dispatch(setupFieldChanged('val_data_path', p))}
              onBlur={(f) => dispatch(setupFieldTouched(f))}
              modelPath={model && !model.error ? draft.model_path : undefined}
              maxSeqLength={draft.max_seq_length}
              mapping={draft.data_mapping ?? null}
              onMappingChange={(m) => dispatch(setupFieldChanged('data_mapping', m))}
            />
          </Card>
          <TrainingParamsCard errors={errors} />
          <LoraCard errors={errors} model={model} limits={defaults?.limits} />
          <DistributedCard errors={errors} batchSize={draft.batch_size} modelPath={draft.model_path} />
        </div>
        <aside className="min-w-0">
          <RunSummaryCard draft={draft} model={model} clientErrors={clientErrors} visible={errors} submitting={isLoading} onStart={start} />
          <MemoryEstimateView estimate={estimate.currentData} loading={estimate.isFetching} />
          <AddToQueueButton kind="sft" config={toTrainingConfig(draft)} clientErrors={clientErrors} order={SETUP_FIELD_ORDER}
            prefix="setup" className="mt-3 w-full" onSubmitAttempted={() => dispatch(setupSubmitAttempted())}
            onServerErrors={(e) => dispatch(setupServerErrorsSet(e))} />
        </aside>
      </div>
    </div>
  );
}
