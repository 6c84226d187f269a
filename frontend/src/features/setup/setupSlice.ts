import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import type { TrainingDraft } from '../training/trainingConfig';
import type { FieldErrors } from './validation';

export type DraftOrigin = { kind: 'defaults' } | { kind: 'session'; id: string; name: string };

/** Client state of the Setup tab: the form draft and what the user has touched. */
export interface SetupState {
  draft: TrainingDraft | null;
  origin: DraftOrigin;
  touched: Record<string, boolean>;
  submitAttempted: boolean;
  serverErrors: FieldErrors;
}

export type DraftChange = { [K in keyof TrainingDraft]: { field: K; value: TrainingDraft[K] } }[keyof TrainingDraft];

export const initialSetupState: SetupState = {
  draft: null, origin: { kind: 'defaults' }, touched: {}, submitAttempted: false, serverErrors: {},
};

const setupSlice = createSlice({
  name: 'setup',
  initialState: initialSetupState,
  reducers: {
    /** First fill from GET /training/defaults; ignored once a draft exists. */
    setupDraftInitialized(state, action: PayloadAction<TrainingDraft>) {
      if (!state.draft) state.draft = action.payload;
    },
    /** Replace the whole draft (reset to defaults, or a session's config loaded into Setup). */
    setupDraftReplaced(state, action: PayloadAction<{ draft: TrainingDraft; origin: DraftOrigin }>) {
      state.draft = action.payload.draft;
      state.origin = action.payload.origin;
      state.touched = {};
      state.submitAttempted = false;
      state.serverErrors = {};
    },
    setupFieldChanged: {
      reducer(state, action: PayloadAction<DraftChange>) {
        if (!state.draft) return;
        (state.draft as Record<string, unknown>)[action.payload.field] = action.payload.value;
        delete state.serverErrors[action.payload.field];
      },
      prepare<K extends keyof TrainingDraft>(field: K, value: TrainingDraft[K]) {
        return { payload: { field, value } as DraftChange };
      },
    },
    /** A model was picked: coverage deeper than the model becomes "not chosen". */
    setupModelChanged(state, action: PayloadAction<{ path: string; depth: number | null }>) {
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
    setupFieldTouched(state, action: PayloadAction<string>) {
      state.touched[action.payload] = true;
    },
    setupSubmitAttempted(state) {
      state.submitAttempted = true;
    },
    setupServerErrorsSet(state, action: PayloadAction<FieldErrors>) {
      state.serverErrors = action.payload;
    },
  },
});

export const {
  setupDraftInitialized, setupDraftReplaced, setupFieldChanged, setupModelChanged, setupFieldTouched,
  setupSubmitAttempted, setupServerErrorsSet,
} = setupSlice.actions;
export default setupSlice.reducer;

/** Errors to show: client errors once a field was touched or Start was pressed; server errors always. */
export function visibleErrors(
  clientErrors: FieldErrors,
  state: Pick<SetupState, 'touched' | 'submitAttempted' | 'serverErrors'>,
): FieldErrors {
  const out: FieldErrors = {};
  for (const [k, v] of Object.entries(clientErrors)) if (state.submitAttempted || state.touched[k]) out[k] = v;
  for (const [k, v] of Object.entries(state.serverErrors)) if (!out[k]) out[k] = v;
  return out;
}
