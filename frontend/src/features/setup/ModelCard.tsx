import { useState } from 'react';
import type { ModelInfo } from '../../app/apiTypes';
import { useAppDispatch } from '../../app/hooks';
import { setupApi } from './api';
import { Badge } from '../../components/Badge';
import { BrowseButton } from '../../components/BrowseButton';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { controlAria, Field } from '../../components/Field';
import { SelectInput } from '../../components/inputs';
import { fmtBytes } from '../../components/format';
import { parseApiError } from '../../app/errors';
import { ModelFolders } from './ModelFolders';
import { useModels } from './useSetupForm';

export interface ModelPickerProps {
  idPrefix: string;
  value: string;
  error?: string;
  onChange: (path: string, model: ModelInfo | undefined) => void;
  onBlur?: () => void;
}

function RetryBanner({ message, nextRetryAt, onRetry, busy }: { message: string; nextRetryAt: number | null; onRetry: () => void; busy: boolean }) {
  const secs = nextRetryAt ? Math.max(1, Math.round((nextRetryAt - Date.now()) / 1000)) : null;
  return (
    <div data-testid="models-error" className="flex flex-wrap items-center gap-3 rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-xs text-amber-900 dark:border-amber-900 dark:bg-amber-950/40 dark:text-amber-200">
      <span className="min-w-0 flex-1">
        {message} {secs ? `Retrying automatically in about ${secs}s.` : ''}
      </span>
      <Button size="sm" onClick={onRetry} loading={busy} testId="models-retry">Retry</Button>
    </div>
  );
}

function ModelFacts({ model }: { model: ModelInfo }) {
  return (
    <dl data-testid="model-facts" className="mt-3 grid grid-cols-2 gap-x-4 gap-y-1.5 text-xs sm:grid-cols-4">
      {[
        ['Architecture', model.model_type ?? '—'],
        ['Layers', model.num_hidden_layers ?? '—'],
        ['Hidden size', model.hidden_size ?? '—'],
        ['Size', fmtBytes(model.size_bytes)],
      ].map(([k, v]) => (
        <div key={String(k)} className="min-w-0">
          <dt className="text-slate-500 dark:text-slate-400">{k}</dt>
          <dd className="truncate font-mono text-slate-800 dark:text-slate-200">{String(v)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Model picker fed by /models (entries with an error are listed disabled with the reason). */
export function ModelPicker({ idPrefix, value, error, onChange, onBlur }: ModelPickerProps) {
  const { models, isLoading, isFetching, isError, error: loadError, retry } = useModels();
  const selected = models.find((m) => m.path === value);
  const id = `${idPrefix}-model_path`;
  const known = !value || !!selected;
  return (
    <div className="space-y-3">
      {isError && (
        <RetryBanner message={parseApiError(loadError).message} nextRetryAt={retry.nextRetryAt} onRetry={retry.retryNow} busy={isFetching} />
      )}
      <Field id={id} name="model_path" label="Base model" error={error} hint={models.length === 0 && !isLoading && !isError ? 'No models found. Add model folders (config.json + *.safetensors + tokenizer) to a model directory.' : undefined}>
        <div className="flex gap-2">
          <SelectInput
            id={id}
            testId="model-select"
            className="min-w-0 flex-1"
            value={value}
            disabled={isLoading && models.length === 0}
            onValueChange={(path) => onChange(path, models.find((m) => m.path === path))}
            onBlur={onBlur}
            {...controlAria(id, error)}
          >
            <option value="">{isLoading ? 'Loading models…' : 'Choose a model…'}</option>
            {!known && <option value={value}>{value} (not in the catalog)</option>}
            {models.map((m) => (
              <option key={m.path} value={m.path} disabled={!!m.error} title={m.error ?? m.path}>
                {m.name}
                {m.num_hidden_layers ? ` · ${m.num_hidden_layers} layers` : ''}
                {m.quantized ? ` · ${m.quantized.description}` : ''}
                {m.error ? ` — unavailable: ${m.error}` : ''}
              </option>
            ))}
          </SelectInput>
          <BrowseButton kind="directory" testId="model-browse" onPicked={(path) => onChange(path, models.find((m) => m.path === path))} />
        </div>
      </Field>
      {selected && (
        <div className="flex flex-wrap items-center gap-1.5">
          <span className="truncate font-mono text-xs text-slate-500 dark:text-slate-400" title={selected.path}>{selected.path}</span>
          {selected.quantized && <Badge tone="info">{selected.quantized.description} quantized</Badge>}
        </div>
      )}
      {selected && <ModelFacts model={selected} />}
      {models.some((m) => m.error) && (
        <details className="text-xs text-slate-500 dark:text-slate-400">
          <summary className="cursor-pointer select-none">{models.filter((m) => m.error).length} model folder(s) could not be read</summary>
          <ul className="mt-1 space-y-0.5" data-testid="models-unavailable">
            {models.filter((m) => m.error).map((m) => (
              <li key={m.path}><span className="font-mono">{m.name}</span>: {m.error}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

/** Asks the server to rescan its model directories, then replaces the cached list. */
function useRescanModels() {
  const dispatch = useAppDispatch();
  const [busy, setBusy] = useState(false);
  const rescan = async () => {
    setBusy(true);
    try {
      const data = await dispatch(setupApi.endpoints.getModels.initiate({ refresh: true }, { subscribe: false, forceRefetch: true })).unwrap();
      await dispatch(setupApi.util.upsertQueryData('getModels', undefined, data));
    } catch {
      /* the failure is already a notification */
    } finally {
      setBusy(false);
    }
  };
  return { rescan, busy };
}

export function ModelCard(props: ModelPickerProps) {
  const { rescan, busy } = useRescanModels();
  return (
    <Card
      id="model"
      title="Model"
      description="The base model the adapter is trained on."
      testId="model-card"
      actions={<Button size="sm" variant="ghost" onClick={rescan} loading={busy} testId="models-refresh">Rescan</Button>}
    >
      <ModelPicker {...props} />
      <ModelFolders />
    </Card>
  );
}
