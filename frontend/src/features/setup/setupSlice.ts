import { createSelector, type PayloadAction } from '@reduxjs/toolkit';
import type { ModelInfo } from '../../app/apiTypes';
import type { RootState } from '../../app/store';
import { createRunFormSlice, initialRunFormState, visibleErrors, type DraftOrigin, type RunFormState } from '../runForm/draftSlice';
import type { TrainingDraft } from '../training/trainingConfig';
import { trainingApi } from '../training/api';
import { setupApi } from './api';
import { validateTrainingDraft } from './validation';

export type { DraftOrigin };

/** Client state of the Setup tab (a run form over the SFT TrainingDraft). */
export type SetupState = RunFormState<TrainingDraft>;

export const initialSetupState: SetupState = initialRunFormState<TrainingDraft>();

const setupSlice = createRunFormSlice('setup', {
  /** A model was picked: coverage deeper than the model becomes "not chosen". */
  modelChanged(state: SetupState, action: PayloadAction<{ path: string; depth: number | null }>) {
    if (!state.draft) return;
    state.draft.model_path = action.payload.path;
    delete state.serverErrors.model_path;
    const { depth } = action.payload;
    const layers = state.draft.lora_num_layers;
    if (depth && layers !== null && layers !== -1 && layers > depth) {
      state.draft.lora_num_layers = null;
      state.touched.lora_num_layers = true;
    }
  },
});

const a = setupSlice.actions;
export const setupDraftInitialized = (draft: TrainingDraft) => a.draftInitialized(draft);
export const setupDraftReplaced = (p: { draft: TrainingDraft; origin: DraftOrigin }) => a.draftReplaced(p);
export const setupFieldChanged = <K extends keyof TrainingDraft>(field: K, value: TrainingDraft[K]) => a.fieldChanged({ field, value });
export const setupModelChanged = a.modelChanged;
export const setupFieldTouched = a.fieldTouched;
export const setupSubmitAttempted = a.submitAttempted;
export const setupServerErrorsSet = a.serverErrorsSet;
export default setupSlice.reducer;

// -- selectors --------------------------------------------------------------------------------
export const selectSetupForm = (s: RootState): SetupState => s.setup;
export const selectSetupDraft = (s: RootState) => s.setup.draft;
const selectDefaults = (s: RootState) => trainingApi.endpoints.getTrainingDefaults.select()(s).data;
const selectModels = (s: RootState) => setupApi.endpoints.getModels.select()(s).data;

/** The catalog entry of the chosen model (its depth bounds the coverage). */
export const selectSetupModel = createSelector(
  [selectModels, (s: RootState) => s.setup.draft?.model_path],
  (models, path): ModelInfo | undefined => models?.find((m) => m.path === path),
);

/** Every client-side error of the draft (shown or not). */
export const selectSetupClientErrors = createSelector(
  [selectSetupDraft, selectDefaults, selectSetupModel],
  (draft, defaults, model) => (draft ? validateTrainingDraft(draft, {
    limits: defaults?.limits, required: defaults?.required ?? ['model_path', 'train_data_path'],
    modelDepth: model?.num_hidden_layers ?? null,
  }) : {}),
);

/** The errors the form shows now (see visibleErrors). */
export const selectSetupErrors = createSelector([selectSetupClientErrors, selectSetupForm], visibleErrors);
