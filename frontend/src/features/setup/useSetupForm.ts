import { useEffect } from 'react';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { useAutoRetry } from '../../app/useAutoRetry';
import type { FieldErrors } from '../runForm/validation';
import { loadPersistedDraft } from '../runForm/persistDraft';
import { usePreselectOnlyModel } from '../runForm/usePreselectOnlyModel';
import { useGetTrainingDefaultsQuery } from '../training/api';
import { mergeTrainingConfig, type TrainingDraft } from '../training/trainingConfig';
import { useGetModelsQuery } from './api';
import {
  selectSetupClientErrors, selectSetupErrors, selectSetupForm, selectSetupModel, setupDraftInitialized, setupFieldChanged,
  setupFieldTouched, setupModelChanged,
} from './setupSlice';

/** Models from /models, retried with back-off while the backend is not up. */
export function useModels() {
  const query = useGetModelsQuery();
  const retry = useAutoRetry(query);
  return { ...query, models: query.data ?? [], retry };
}

/** Loads the server defaults (with the draft saved before a reload over them) into the Setup form once. */
export function useSetupForm() {
  const dispatch = useAppDispatch();
  const defaultsQuery = useGetTrainingDefaultsQuery();
  const defaultsRetry = useAutoRetry(defaultsQuery);
  const setup = useAppSelector(selectSetupForm);
  // (the model picker drives the retries; this subscribes to the list the selectors read)
  useGetModelsQuery();
  const defaults = defaultsQuery.data;

  useEffect(() => {
    if (defaults && !setup.draft) dispatch(setupDraftInitialized(mergeTrainingConfig(defaults, loadPersistedDraft('setup'))));
  }, [defaults, setup.draft, dispatch]);

  usePreselectOnlyModel(!!setup.draft, setup.draft?.model_path, (m) => dispatch(setupModelChanged({ path: m.path, depth: m.num_hidden_layers })));

  const model = useAppSelector(selectSetupModel);
  const clientErrors: FieldErrors = useAppSelector(selectSetupClientErrors);
  const errors = useAppSelector(selectSetupErrors);

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
