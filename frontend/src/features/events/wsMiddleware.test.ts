import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeStore } from '../../app/store';
import { wsUrl } from '../../app/env';
import { ev, progress, startedData, stateData } from '../../test/fixtures';
import { backoffDelay } from './backoff';
import { wsConnect, wsDisconnect, wsReconnectNow } from './eventsSlice';

/** A controllable stand-in for the browser WebSocket. */
class FakeSocket {
  static all: FakeSocket[] = [];
  onopen: ((e: Event) => unknown) | null = null;
  onmessage: ((e: MessageEvent) => unknown) | null = null;
  onclose: ((e: CloseEvent) => unknown) | null = null;
  onerror: ((e: Event) => unknown) | null = null;
  closed = false;
  constructor(public url: string) {
    FakeSocket.all.push(this);
  }
  open() {
    this.onopen?.(new Event('open'));
  }
  send(obj: unknown) {
    this.onmessage?.({ data: JSON.stringify(obj) } as MessageEvent);
  }
  drop() {
    this.onclose?.({} as CloseEvent);
  }
  close() {
    this.closed = true;
    this.onclose?.({} as CloseEvent);
  }
}

function setup(persisted: number[] = []) {
  const store = makeStore({
    ws: {
      createSocket: (url) => new FakeSocket(url),
      buildUrl: (afterSeq) => wsUrl(afterSeq, { protocol: 'http:', host: '127.0.0.1:8000' }, ''),
      delay: (attempt) => 1000 * 2 ** attempt,
      persist: (s) => persisted.push(s),
    },
  });
  return store;
}

describe('websocket middleware', () => {
  beforeEach(() => {
    FakeSocket.all = [];
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('connects without after_seq first, then tracks the last seq and replays from it on reconnect', () => {
    const persisted: number[] = [];
    const store = setup(persisted);
    store.dispatch(wsConnect());
    expect(FakeSocket.all).toHaveLength(1);
    const first = FakeSocket.all[0]!;
    expect(first.url).toBe('ws://127.0.0.1:8000/ws');
    first.open();
    expect(store.getState().events.connection).toBe('open');

    first.send(ev('training_state', stateData({ state: 'running', run_id: 'run-1', kind: 'sft', config: {}, metrics: { step: 3 }, error: null, started_at: 1 }), { seq: null }));
    first.send(ev('training_progress', progress(5, 2.0), { seq: 41 }));
    first.send(ev('training_progress', progress(10, 1.8), { seq: 42 }));
    first.send({ type: 'bogus', seq: 43 }); // unknown types are ignored
    first.send(ev('training_progress', progress(5, 2.0), { seq: 41 })); // duplicate
    expect(store.getState().events.lastSeq).toBe(42);
    expect(store.getState().liveRun.train.map((p) => p.step)).toEqual([5, 10]);
    expect(persisted.at(-1)).toBe(42);

    first.drop();
    expect(store.getState().events.connection).toBe('reconnecting');
    expect(FakeSocket.all).toHaveLength(1);
    vi.advanceTimersByTime(999);
    expect(FakeSocket.all).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(FakeSocket.all).toHaveLength(2);
    const second = FakeSocket.all[1]!;
    expect(second.url).toBe('ws://127.0.0.1:8000/ws?after_seq=42');

    // The server replays what was missed, possibly overlapping what we already had.
    second.open();
    second.send(ev('training_state', stateData({ state: 'running', run_id: 'run-1', kind: 'sft', config: {}, metrics: { step: 10 }, error: null, started_at: 1 }), { seq: null }));
    second.send(ev('training_progress', progress(10, 1.8), { seq: 42 }));
    second.send(ev('training_progress', progress(15, 1.6), { seq: 43 }));
    expect(store.getState().liveRun.train.map((p) => p.step)).toEqual([5, 10, 15]);
    expect(store.getState().events.lastSeq).toBe(43);
  });

  it('backs off exponentially while the server is down and resets after a successful open', () => {
    const store = setup();
    store.dispatch(wsConnect());
    FakeSocket.all[0]!.drop();
    vi.advanceTimersByTime(1000);
    FakeSocket.all[1]!.drop();
    expect(store.getState().events.attempt).toBe(2);
    vi.advanceTimersByTime(1999);
    expect(FakeSocket.all).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(FakeSocket.all).toHaveLength(3);
    FakeSocket.all[2]!.open();
    expect(store.getState().events.attempt).toBe(0);
    FakeSocket.all[2]!.drop();
    vi.advanceTimersByTime(1000);
    expect(FakeSocket.all).toHaveLength(4);
  });

  it('reconnects at once on request and stops on disconnect', () => {
    const store = setup();
    store.dispatch(wsConnect());
    store.dispatch(wsConnect()); // idempotent
    expect(FakeSocket.all).toHaveLength(1);
    FakeSocket.all[0]!.drop();
    store.dispatch(wsReconnectNow());
    expect(FakeSocket.all).toHaveLength(2);
    store.dispatch(wsDisconnect());
    expect(FakeSocket.all[1]!.closed).toBe(true);
    expect(store.getState().events.connection).toBe('closed');
    vi.advanceTimersByTime(60_000);
    expect(FakeSocket.all).toHaveLength(2);
  });

  it('follows the server when its event log restarted (training_state.last_seq below ours)', () => {
    const store = setup();
    store.dispatch(wsConnect());
    const s = FakeSocket.all[0]!;
    s.open();
    s.send(ev('training_progress', progress(5, 2.0), { seq: 500 }));
    s.send(ev('training_state', stateData({ state: 'idle', run_id: null, kind: null, config: null, metrics: {}, error: null, started_at: null }, 3), { seq: null }));
    expect(store.getState().events.lastSeq).toBe(3);
    s.send(ev('training_log', { line: 'new' }, { seq: 4, run_id: 'run-9' }));
    expect(store.getState().events.lastSeq).toBe(4);
    expect(store.getState().liveRun).toMatchObject({ runId: 'run-9', logs: ['new'] });
  });
});

describe('fresh connect with a snapshot seq', () => {
  beforeEach(() => {
    FakeSocket.all = [];
  });

  it('skips the stored backlog up to training_state.last_seq and applies newer events', () => {
    const store = setup();
    store.dispatch(wsConnect());
    const s = FakeSocket.all[0]!;
    s.open();
    s.send(ev('training_state', stateData({ state: 'completed', run_id: 'run-1', kind: 'sft', config: {}, metrics: { step: 30, total_steps: 30 }, error: null, started_at: 1 }, 42), { seq: null }));
    s.send(ev('training_started', startedData({ total_steps: 30 }), { seq: 1 }));
    s.send(ev('training_progress', progress(5, 3), { seq: 2 }));
    expect(store.getState().liveRun.state).toBe('completed'); // the backlog did not rewind the run
    expect(store.getState().events.lastSeq).toBe(42);
    s.send(ev('training_started', startedData({ total_steps: 10 }), { run_id: 'run-2', seq: 43 }));
    expect(store.getState().liveRun).toMatchObject({ runId: 'run-2', state: 'running' });
  });
});

describe('wsUrl and back-off', () => {
  it('builds ws:// or wss:// URLs relative to the page or the API base', () => {
    expect(wsUrl(0, { protocol: 'http:', host: 'localhost:5173' }, '')).toBe('ws://localhost:5173/ws');
    expect(wsUrl(7, { protocol: 'https:', host: 'studio.local' }, '')).toBe('wss://studio.local/ws?after_seq=7');
    expect(wsUrl(9, { protocol: 'file:', host: '' }, 'http://127.0.0.1:8000')).toBe('ws://127.0.0.1:8000/ws?after_seq=9');
  });
  it('grows and caps the delay', () => {
    const mid = () => 0.5;
    expect(backoffDelay(0, 500, 15000, mid)).toBe(500);
    expect(backoffDelay(3, 500, 15000, mid)).toBe(4000);
    expect(backoffDelay(20, 500, 15000, mid)).toBe(15000);
  });
});
