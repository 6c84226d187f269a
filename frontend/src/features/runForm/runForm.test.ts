import { afterEach, describe, expect, it } from 'vitest';
import { makeStore } from '../../app/store';
import { defaultsResponse } from '../../test/fixtures';
import { enhancedDraftInitialized, enhancedFieldChanged } from '../enhanced/enhancedSlice';
import { setupDraftInitialized, setupDraftReplaced, setupFieldChanged, setupServerErrorsSet } from '../setup/setupSlice';
import { mergeTrainingConfig } from '../training/trainingConfig';
import { createRunFormSlice } from './draftSlice';
import { draftStorageKey, loadPersistedDraft } from './persistDraft';

afterEach(() => localStorage.clear());

describe('createRunFormSlice', () => {
  const slice = createRunFormSlice<{ a: number; b: string }, Record<string, never>>('demo', {});
  const { draftInitialized, draftReplaced, fieldChanged, fieldTouched, serverErrorsSet, submitAttempted } = slice.actions;

  it('gives every form the same reducers under its own name', () => {
    expect(fieldChanged({ field: 'a', value: 1 }).type).toBe('demo/fieldChanged');
    let s = slice.reducer(undefined, draftInitialized({ a: 1, b: 'x' }));
    s = slice.reducer(s, draftInitialized({ a: 9, b: 'ignored' }));
    expect(s.draft).toEqual({ a: 1, b: 'x' });
    s = slice.reducer(s, serverErrorsSet({ a: 'too small', b: 'bad' }));
    s = slice.reducer(s, fieldChanged({ field: 'a', value: 5 }));
    expect(s.draft?.a).toBe(5);
    expect(s.serverErrors).toEqual({ b: 'bad' }); // editing a field clears its server error only
    s = slice.reducer(slice.reducer(s, fieldTouched('a')), submitAttempted());
    s = slice.reducer(s, draftReplaced({ draft: { a: 2, b: 'y' }, origin: { kind: 'session', id: 'r1', name: 'run' } }));
    expect(s).toMatchObject({ draft: { a: 2, b: 'y' }, origin: { kind: 'session', id: 'r1' }, touched: {}, submitAttempted: false, serverErrors: {} });
  });
});

describe('draft persistence', () => {
  it('keeps the Setup draft in localStorage and lays it over the defaults after a reload', () => {
    const store = makeStore();
    store.dispatch(setupDraftInitialized(mergeTrainingConfig(defaultsResponse)));
    store.dispatch(setupFieldChanged('iterations', 77));
    store.dispatch(setupFieldChanged('adapter_name', 'kept'));
    store.dispatch(setupFieldChanged('learning_rate', Number.NaN)); // unparsed input is not written
    const saved = loadPersistedDraft('setup');
    expect(saved).toMatchObject({ iterations: 77, adapter_name: 'kept' });
    expect(saved).not.toHaveProperty('learning_rate');
    const restored = mergeTrainingConfig(defaultsResponse, saved);
    expect(restored).toMatchObject({ iterations: 77, adapter_name: 'kept', learning_rate: 1e-4, save_every: 1000 });
  });

  it('writes nothing for other slices, and a reset to defaults is saved too', () => {
    const store = makeStore();
    store.dispatch(setupServerErrorsSet({}));
    expect(localStorage.getItem(draftStorageKey('setup'))).toBeNull();
    store.dispatch(setupDraftInitialized(mergeTrainingConfig(defaultsResponse, { iterations: 5 })));
    store.dispatch(setupDraftReplaced({ draft: mergeTrainingConfig(defaultsResponse), origin: { kind: 'defaults' } }));
    expect(loadPersistedDraft('setup')?.iterations).toBe(1000);
  });

  it('keeps the Enhanced Setup draft under its own key', () => {
    const store = makeStore();
    store.dispatch(enhancedDraftInitialized({ training_method: 'grpo', iterations: 3 } as never));
    store.dispatch(enhancedFieldChanged({ field: 'beta', value: 0.25 }));
    expect(loadPersistedDraft('enhanced')).toMatchObject({ training_method: 'grpo', beta: 0.25 });
    expect(loadPersistedDraft('setup')).toBeNull();
  });

  it('ignores a corrupt saved draft', () => {
    localStorage.setItem(draftStorageKey('setup'), '{not json');
    expect(loadPersistedDraft('setup')).toBeNull();
    localStorage.setItem(draftStorageKey('setup'), '[1,2]');
    expect(loadPersistedDraft('setup')).toBeNull();
  });
});
