import {
  createSlice, type PayloadAction, type SliceCaseReducers, type ValidateSliceCaseReducers,
} from '@reduxjs/toolkit';
import type { FieldErrors } from '../runForm/validation';

export type DraftOrigin = { kind: 'defaults' } | { kind: 'session'; id: string; name: string };

/** Client state of a run form (Setup, Enhanced Setup): the draft and what the user has touched. */
export interface RunFormState<D> {
  draft: D | null;
  origin: DraftOrigin;
  touched: Record<string, boolean>;
  submitAttempted: boolean;
  serverErrors: FieldErrors;
}

export function initialRunFormState<D>(): RunFormState<D> {
  return { draft: null, origin: { kind: 'defaults' }, touched: {}, submitAttempted: false, serverErrors: {} };
}

/**
 * One slice per run form, all with the same reducers; `extra` adds a form's own (Setup: the model
 * change that clears a too-deep coverage).
 */
export function createRunFormSlice<D extends object, Extra extends SliceCaseReducers<RunFormState<D>>>(
  name: string,
  extra: ValidateSliceCaseReducers<RunFormState<D>, Extra>,
) {
  return createSlice({
    name,
    initialState: initialRunFormState<D>(),
    reducers: {
      /** First fill (server defaults, maybe with a saved draft over them); ignored once a draft exists. */
      draftInitialized(state, action: PayloadAction<D>) {
        if (!state.draft) (state as RunFormState<D>).draft = action.payload;
      },
      /** Replace the whole draft (reset to defaults, another method, or a session's config). */
      draftReplaced(state, action: PayloadAction<{ draft: D; origin?: DraftOrigin }>) {
        (state as RunFormState<D>).draft = action.payload.draft;
        state.origin = action.payload.origin ?? { kind: 'defaults' };
        state.touched = {};
        state.submitAttempted = false;
        state.serverErrors = {};
      },
      fieldChanged(state, action: PayloadAction<{ field: string; value: unknown }>) {
        if (!state.draft) return;
        (state.draft as Record<string, unknown>)[action.payload.field] = action.payload.value;
        delete state.serverErrors[action.payload.field];
      },
      fieldTouched(state, action: PayloadAction<string>) {
        state.touched[action.payload] = true;
      },
      submitAttempted(state) {
        state.submitAttempted = true;
      },
      serverErrorsSet(state, action: PayloadAction<FieldErrors>) {
        state.serverErrors = action.payload;
      },
      ...extra,
    },
  });
}

/** Errors to show: client errors once a field was touched or Start was pressed; server errors always. */
export function visibleErrors(
  clientErrors: FieldErrors,
  state: Pick<RunFormState<unknown>, 'touched' | 'submitAttempted' | 'serverErrors'>,
): FieldErrors {
  const out: FieldErrors = {};
  for (const [k, v] of Object.entries(clientErrors)) if (state.submitAttempted || state.touched[k]) out[k] = v;
  for (const [k, v] of Object.entries(state.serverErrors)) if (!out[k]) out[k] = v;
  return out;
}
