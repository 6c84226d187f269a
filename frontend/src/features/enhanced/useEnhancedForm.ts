import { useEffect } from 'react';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { useAutoRetry } from '../../app/useAutoRetry';
import type { ConfigValue } from '../../app/apiTypes';
import { loadPersistedDraft } from '../runForm/persistDraft';
import { submitRun } from '../runForm/submitRun';
import { usePreselectOnlyModel } from '../runForm/usePreselectOnlyModel';
import { useGetTrainingDefaultsQuery, useGetTrainingMethodsQuery } from '../training/api';
import { useStartEnhancedTrainingMutation } from './api';
import { mergeEnhancedConfig, SHARED_KEYS } from './enhancedConfig';
import {
  enhancedDraftInitialized, enhancedFieldChanged, enhancedFieldTouched, enhancedServerErrorsSet, enhancedSubmitAttempted,
  selectEnhancedClientErrors, selectEnhancedErrors, selectEnhancedForm, selectEnhancedMethod,
} from './enhancedSlice';
import { toEnhancedConfig } from './enhancedValidation';

/** Enhanced Setup state: defaults + /training/methods (+ the draft saved before a reload) → draft; validation; Start. */
export function useEnhancedForm() {
  const dispatch = useAppDispatch();
  const defaultsQuery = useGetTrainingDefaultsQuery();
  const methodsQuery = useGetTrainingMethodsQuery();
  const retryDefaults = useAutoRetry(defaultsQuery);
  const retryMethods = useAutoRetry(methodsQuery);
  const state = useAppSelector(selectEnhancedForm);
  const defaults = defaultsQuery.data;
  const methods = methodsQuery.data?.methods ?? [];
  const rewardFunctions = methodsQuery.data?.reward_functions ?? [];

  useEffect(() => {
    if (!defaults || !methods.length || state.draft) return;
    const saved = loadPersistedDraft('enhanced');
    const method = methods.find((m) => m.id === saved?.training_method) ?? methods[0]!;
    dispatch(enhancedDraftInitialized(mergeEnhancedConfig(defaults, method, saved)));
  }, [defaults, methods, state.draft, dispatch]);

  usePreselectOnlyModel(!!state.draft, state.draft?.model_path, (m) => dispatch(enhancedFieldChanged({ field: 'model_path', value: m.path })));

  const method = useAppSelector(selectEnhancedMethod);
  const clientErrors = useAppSelector(selectEnhancedClientErrors);
  const errors = useAppSelector(selectEnhancedErrors);
  const order = [...SHARED_KEYS, ...(method?.parameters ?? []).map((p) => p.name), 'reward_weights'];

  const [start, { isLoading: starting }] = useStartEnhancedTrainingMutation();
  async function submit() {
    dispatch(enhancedSubmitAttempted());
    const draft = state.draft;
    if (!draft) return;
    await submitRun(dispatch, {
      kind: 'enhanced', clientErrors, order, prefix: 'enh',
      post: () => start(toEnhancedConfig(draft)).unwrap(),
      onServerErrors: (e) => dispatch(enhancedServerErrorsSet(e)),
    });
  }

  const set = (field: string, value: ConfigValue) => dispatch(enhancedFieldChanged({ field, value }));
  const touch = (field: string) => dispatch(enhancedFieldTouched(field));

  return {
    draft: state.draft, defaults, methods, method, rewardFunctions, errors, clientErrors, set, touch, submit, starting, order,
    defaultsQuery, methodsQuery, retry: () => { retryDefaults.retryNow(); retryMethods.retryNow(); },
  };
}
