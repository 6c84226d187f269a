import type { ListenerMiddlewareInstance } from '@reduxjs/toolkit';

/**
 * A run form's draft survives a reload: it is written to localStorage after every change of its
 * slice and laid over the server defaults when the form starts (unknown keys are dropped there).
 */
export const draftStorageKey = (form: string) => `lora-studio.draft.${form}`;

export function loadPersistedDraft(form: string): Record<string, unknown> | null {
  try {
    const raw = globalThis.localStorage?.getItem(draftStorageKey(form));
    const value: unknown = raw ? JSON.parse(raw) : null;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Saves `selectDraft(state)` whenever an action of the `form` slice ran (NaN, i.e. unparsed input, is not kept). */
export function registerDraftPersistence<S>(
  listener: ListenerMiddlewareInstance<S>,
  form: string,
  selectDraft: (state: S) => object | null,
): void {
  listener.startListening({
    predicate: (action) => action.type.startsWith(`${form}/`),
    effect: (_action, api) => {
      const draft = selectDraft(api.getState());
      if (!draft) return;
      const clean = Object.fromEntries(Object.entries(draft).filter(([, v]) => !(typeof v === 'number' && Number.isNaN(v))));
      try {
        globalThis.localStorage?.setItem(draftStorageKey(form), JSON.stringify(clean));
      } catch { /* storage full or unavailable: the draft just is not kept */ }
    },
  });
}
