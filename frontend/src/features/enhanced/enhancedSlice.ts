import { createSelector } from '@reduxjs/toolkit';
import type { ConfigValue } from '../../app/apiTypes';
import type { RootState } from '../../app/store';
import { createRunFormSlice, visibleErrors, type RunFormState } from '../runForm/draftSlice';
import { trainingApi } from '../training/api';
import type { EnhancedDraft } from './enhancedConfig';
import { validateEnhancedDraft } from './enhancedValidation';

/** Client state of the Enhanced Setup tab (kept apart from the Setup tab's draft). */
export type EnhancedState = RunFormState<EnhancedDraft>;

const enhancedSlice = createRunFormSlice<EnhancedDraft, Record<string, never>>('enhanced', {});

const a = enhancedSlice.actions;
export const enhancedDraftInitialized = (draft: EnhancedDraft) => a.draftInitialized(draft);
export const enhancedDraftReplaced = (draft: EnhancedDraft) => a.draftReplaced({ draft });
export const enhancedFieldChanged = (p: { field: string; value: ConfigValue }) => a.fieldChanged(p);
export const enhancedFieldTouched = a.fieldTouched;
export const enhancedSubmitAttempted = a.submitAttempted;
export const enhancedServerErrorsSet = a.serverErrorsSet;
export default enhancedSlice.reducer;

// -- selectors --------------------------------------------------------------------------------
export const selectEnhancedForm = (s: RootState): EnhancedState => s.enhanced;
const selectDefaults = (s: RootState) => trainingApi.endpoints.getTrainingDefaults.select()(s).data;
const selectMethods = (s: RootState) => trainingApi.endpoints.getTrainingMethods.select()(s).data?.methods;

/** The chosen method (the first one until the draft names another). */
export const selectEnhancedMethod = createSelector(
  [selectMethods, (s: RootState) => s.enhanced.draft?.training_method],
  (methods, id) => methods?.find((m) => m.id === id) ?? methods?.[0],
);

export const selectEnhancedClientErrors = createSelector(
  [(s: RootState) => s.enhanced.draft, selectEnhancedMethod, selectDefaults],
  (draft, method, defaults) => (draft && method ? validateEnhancedDraft(draft, method, defaults) : {}),
);

export const selectEnhancedErrors = createSelector([selectEnhancedClientErrors, selectEnhancedForm], visibleErrors);
