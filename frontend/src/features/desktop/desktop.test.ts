import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeStore } from '../../app/store';
import { handleMenuCommand } from './useDesktopMenu';

const noSocket = { ws: { createSocket: () => { throw new Error('no sockets'); } } };

describe('desktop menu commands', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    window.location.hash = '';
  });

  it('queues training data and Start for the Setup page, toggles the theme', () => {
    const store = makeStore(noSocket);
    handleMenuCommand({ type: 'open-training-data', path: '/data/train.jsonl' }, store.dispatch);
    expect(store.getState().desktop.pendingTrainPath).toBe('/data/train.jsonl');
    expect(window.location.hash).toBe('#/setup');
    handleMenuCommand({ type: 'start-training' }, store.dispatch);
    expect(store.getState().desktop.pendingStart).toBe(true);
    const before = store.getState().theme.mode;
    handleMenuCommand({ type: 'toggle-theme' }, store.dispatch);
    expect(store.getState().theme.mode).not.toBe(before);
  });

  it('stops training with POST /training/stop', async () => {
    const fetch = vi.fn(async (_req: Request) => new Response(JSON.stringify({ run_id: 'r1', state: 'stopping' }), { status: 200, headers: { 'content-type': 'application/json' } }));
    vi.stubGlobal('fetch', fetch);
    window.loraStudio = { apiBase: 'http://127.0.0.1:8000' };
    const store = makeStore(noSocket);
    handleMenuCommand({ type: 'stop-training' }, store.dispatch);
    await new Promise((r) => setTimeout(r, 20));
    const req = fetch.mock.calls[0]![0];
    expect([req.method, req.url]).toEqual(['POST', 'http://127.0.0.1:8000/training/stop']);
    expect(store.getState().notifications.items.at(-1)).toMatchObject({ title: 'Stopping training' });
    delete window.loraStudio;
  });
});
