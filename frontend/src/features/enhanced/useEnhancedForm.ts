import { useEffect, useMemo } from 'react';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { useAutoRetry } from '../../app/useAutoRetry';
import type { ConfigValue } from '../../app/apiTypes';
import { visibleErrors } from '../setup/setupSlice';
import { useGetTrainingDefaultsQuery, useGetTrainingMethodsQuery, useStartEnhancedTrainingMutation } from '../training/api';
import { submitRun } from '../training/submitRun';
import { mergeEnhancedConfig, SHARED_KEYS } from './enhancedConfig';
import {
  enhancedDraftInitialized, enhancedFieldChanged, enhancedFieldTouched, enhancedServerErrorsSet, enhancedSubmitAttempted,
} from './enhancedSlice';
import { toEnhancedConfig, validateEnhancedDraft } from './enhancedValidation';

/** Enhanced Setup state: defaults + /training/methods → draft; validation; Start. */
export function useEnhancedForm() {
  const dispatch = useAppDispatch();
  const defaultsQuery = useGetTrainingDefaultsQuery();
  const methodsQuery = useGetTrainingMethodsQuery();
  const retryDefaults = useAutoRetry(defaultsQuery);
  const retryMethods = useAutoRetry(methodsQuery);
  const state = useAppSelector((s) => s.enhanced);
  const defaults = defaultsQuery.data;
  const methods = methodsQuery.data?.methods ?? [];
  const rewardFunctions = methodsQuery.data?.reward_functions ?? [];

  useEffect(() => {
    const first = methods[0];
    if (defaults && first && !state.draft) dispatch(enhancedDraftInitialized(mergeEnhancedConfig(defaults, first)));
  }, [defaults, methods, state.draft, dispatch]);

  const method = methods.find((m) => m.id === state.draft?.training_method) ?? methods[0];
  const clientErrors = useMemo(
    () => (state.draft && method ? validateEnhancedDraft(state.draft, method, defaults) : {}),
    [state.draft, method, defaults],
  );
  const errors = useMemo(() => visibleErrors(clientErrors, state), [clientErrors, state]);
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
