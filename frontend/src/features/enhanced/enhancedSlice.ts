import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import type { ConfigValue } from '../../app/apiTypes';
import type { FieldErrors } from '../setup/validation';
import type { EnhancedDraft } from './enhancedConfig';

/** Client state of the Enhanced Setup tab (kept apart from the Setup tab's draft). */
export interface EnhancedState {
  draft: EnhancedDraft | null;
  touched: Record<string, boolean>;
  submitAttempted: boolean;
  serverErrors: FieldErrors;
}

export const initialEnhancedState: EnhancedState = { draft: null, touched: {}, submitAttempted: false, serverErrors: {} };

const enhancedSlice = createSlice({
  name: 'enhanced',
  initialState: initialEnhancedState,
  reducers: {
    enhancedDraftInitialized(state, action: PayloadAction<EnhancedDraft>) {
      if (!state.draft) state.draft = action.payload;
    },
    enhancedDraftReplaced(state, action: PayloadAction<EnhancedDraft>) {
      state.draft = action.payload;
      state.touched = {};
      state.submitAttempted = false;
      state.serverErrors = {};
    },
    enhancedFieldChanged(state, action: PayloadAction<{ field: string; value: ConfigValue }>) {
      if (!state.draft) return;
      (state.draft as Record<string, ConfigValue>)[action.payload.field] = action.payload.value;
      delete state.serverErrors[action.payload.field];
    },
    enhancedFieldTouched(state, action: PayloadAction<string>) {
      state.touched[action.payload] = true;
    },
    enhancedSubmitAttempted(state) {
      state.submitAttempted = true;
    },
    enhancedServerErrorsSet(state, action: PayloadAction<FieldErrors>) {
      state.serverErrors = action.payload;
    },
  },
});

export const {
  enhancedDraftInitialized, enhancedDraftReplaced, enhancedFieldChanged, enhancedFieldTouched,
  enhancedSubmitAttempted, enhancedServerErrorsSet,
} = enhancedSlice.actions;
export default enhancedSlice.reducer;
