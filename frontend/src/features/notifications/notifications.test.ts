import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeStore } from '../../app/store';
import { trainingApi } from '../training/api';
import { eventReceived } from '../events/eventsSlice';
import { ev } from '../../test/fixtures';
import { dismiss, notify } from './notificationsSlice';

const noSocket = { ws: { createSocket: () => { throw new Error('no sockets'); } } };

describe('notifications', () => {
  beforeEach(() => {
    window.loraStudio = { apiBase: 'http://127.0.0.1:8000' };
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    delete window.loraStudio;
  });

  it('toasts every failed API call with the server message', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ detail: 'A run is already active' }), {
      status: 409, headers: { 'content-type': 'application/json' },
    })));
    const store = makeStore(noSocket);
    await store.dispatch(trainingApi.endpoints.stopTraining.initiate());
    expect(store.getState().notifications.items).toEqual([
      expect.objectContaining({ level: 'error', title: 'Could not stop training', message: 'A run is already active' }),
    ]);
    const url = String((vi.mocked(fetch).mock.calls[0]![0] as Request).url);
    expect(url).toBe('http://127.0.0.1:8000/training/stop');
  });

  it('folds "server unreachable" failures of different requests into one toast', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    }));
    const store = makeStore(noSocket);
    await store.dispatch(trainingApi.endpoints.getTrainingStatus.initiate());
    await store.dispatch(trainingApi.endpoints.getTrainingDefaults.initiate());
    expect(store.getState().notifications.items).toEqual([
      expect.objectContaining({ title: 'Server unreachable', count: 2, message: expect.stringMatching(/Cannot reach/) }),
    ]);
  });

  it('toasts fresh notification events (e.g. architecture fallback) but not old replayed ones', () => {
    const store = makeStore(noSocket);
    const data = { level: 'warning' as const, title: 'LoRA keys fallback', message: 'Unknown architecture foo; using all linear layers' };
    store.dispatch(eventReceived(ev('notification', data, { seq: 1, ts: Date.now() / 1000 - 3600 })));
    expect(store.getState().notifications.items).toHaveLength(0);
    store.dispatch(eventReceived(ev('notification', data, { seq: 2 })));
    store.dispatch(eventReceived(ev('notification', data, { seq: 2 }))); // duplicate seq
    expect(store.getState().notifications.items).toEqual([expect.objectContaining({ level: 'warning', title: 'LoRA keys fallback', count: 1 })]);
    store.dispatch(eventReceived(ev('training_error', { message: 'OOM' }, { seq: 3 })));
    expect(store.getState().notifications.items.at(-1)).toMatchObject({ level: 'error', title: 'Training failed', message: 'OOM' });
  });

  it('folds identical toasts and dismisses by id', () => {
    const store = makeStore(noSocket);
    store.dispatch(notify({ level: 'error', title: 'Could not load models', message: 'down' }));
    store.dispatch(notify({ level: 'error', title: 'Could not load models', message: 'down' }));
    const items = store.getState().notifications.items;
    expect(items).toHaveLength(1);
    expect(items[0]!.count).toBe(2);
    store.dispatch(dismiss(items[0]!.id));
    expect(store.getState().notifications.items).toHaveLength(0);
  });
});
