import { useEffect, useMemo } from 'react';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import type { ModelInfo } from '../../app/apiTypes';
import { useAutoRetry } from '../../app/useAutoRetry';
import { useGetTrainingDefaultsQuery } from '../training/api';
import { mergeTrainingConfig, type TrainingDraft } from '../training/trainingConfig';
import { useGetModelsQuery } from './api';
import { setupDraftInitialized, setupFieldChanged, setupFieldTouched, visibleErrors } from './setupSlice';
import { validateTrainingDraft, type FieldErrors } from './validation';

/** Models from /models, retried with back-off while the backend is not up. */
export function useModels() {
  const query = useGetModelsQuery();
  const retry = useAutoRetry(query);
  return { ...query, models: query.data ?? [], retry };
}

/** Loads the server defaults into the Setup draft (once) and validates the draft. */
export function useSetupForm() {
  const dispatch = useAppDispatch();
  const defaultsQuery = useGetTrainingDefaultsQuery();
  const defaultsRetry = useAutoRetry(defaultsQuery);
  const setup = useAppSelector((s) => s.setup);
  // (the model picker drives the retries; this only reads the list)
  const { data: models = [] } = useGetModelsQuery();
  const defaults = defaultsQuery.data;

  useEffect(() => {
    if (defaults && !setup.draft) dispatch(setupDraftInitialized(mergeTrainingConfig(defaults)));
  }, [defaults, setup.draft, dispatch]);

  const model: ModelInfo | undefined = useMemo(
    () => models.find((m) => m.path === setup.draft?.model_path),
    [models, setup.draft?.model_path],
  );

  const clientErrors: FieldErrors = useMemo(
    () => (setup.draft ? validateTrainingDraft(setup.draft, {
      limits: defaults?.limits, required: defaults?.required ?? ['model_path', 'train_data_path'],
      modelDepth: model?.num_hidden_layers ?? null,
    }) : {}),
    [setup.draft, defaults, model],
  );
  const errors = useMemo(() => visibleErrors(clientErrors, setup), [clientErrors, setup]);

  return { draft: setup.draft, origin: setup.origin, defaults, defaultsQuery, defaultsRetry, model, clientErrors, errors };
}

/** Binding for one Setup field: id, value, setter, blur → touched, error. */
export function useSetupField<K extends keyof TrainingDraft>(name: K, errors: FieldErrors) {
  const dispatch = useAppDispatch();
  const value = useAppSelector((s) => s.setup.draft?.[name]) as TrainingDraft[K];
  return {
    id: `setup-${name}`,
    name,
    value,
    error: errors[name],
    set: (v: TrainingDraft[K]) => dispatch(setupFieldChanged(name, v)),
    touch: () => dispatch(setupFieldTouched(name)),
  };
}

/** Fields in on-screen order (focus goes to the first invalid one). */
export const SETUP_FIELD_ORDER = [
  'model_path', 'train_data_path', 'val_data_path', 'adapter_name', 'iterations', 'batch_size', 'learning_rate',
  'max_seq_length', 'save_every', 'steps_per_report', 'steps_per_eval', 'val_batches', 'patience', 'seed',
  'fine_tune_type', 'lora_rank', 'lora_alpha', 'lora_dropout', 'lora_num_layers',
];

export function focusFirstError(errors: FieldErrors, order: readonly string[], prefix: string): void {
  const first = order.find((f) => errors[f]) ?? Object.keys(errors)[0];
  if (!first) return;
  const el = document.getElementById(`${prefix}-${first}`);
  el?.focus();
  el?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
}
