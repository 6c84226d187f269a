import { describe, expect, it } from 'vitest';
import { makeStore } from '../../app/store';
import { eventReceived } from '../events/eventsSlice';
import { ev, metrics, progress, startResponse, startedData, stateData } from '../../test/fixtures';
import type { TrainingStatus } from '../../app/apiTypes';
import { sessionsApi } from '../sessions/api';
import { trainingApi } from './api';
import { runElapsedSeconds, runStarted, selectElapsedSeconds, selectRunActive } from './liveRunSlice';
import { mergeByStep, mergeLogLines, upsertByStep } from './runHistory';

/** The action RTK Query dispatches when a query succeeds (what the slice's matchers see). */
function fulfilled(endpointName: string, originalArgs: unknown, payload: unknown) {
  return {
    type: 'api/executeQuery/fulfilled',
    payload,
    meta: {
      arg: { endpointName, originalArgs, type: 'query', queryCacheKey: `${endpointName}(x)` },
      requestId: 'r', requestStatus: 'fulfilled', fulfilledTimeStamp: Date.now(), baseQueryMeta: {},
    },
  };
}

const noSocket = { ws: { createSocket: () => { throw new Error('no sockets in this test'); } } };

const status = (over: Omit<Partial<TrainingStatus>, 'metrics'> & { metrics?: Parameters<typeof metrics>[0] } = {}) => stateData({
  state: 'running', run_id: 'run-1', kind: 'sft', config: { lora_rank: 32, lora_alpha: 32, iterations: 100 },
  error: null, started_at: 1, ...over, metrics: { step: 10, total_steps: 100, train_loss: 2.5, ...over.metrics },
});

describe('live run reducers', () => {
  it('progress, val and completed events update the live run state', () => {
    const store = makeStore(noSocket);
    store.dispatch(eventReceived(ev('training_started', startedData({ config: { lora_rank: 16, lora_alpha: 32 }, kind: 'sft', yaml_path: '/y', total_steps: 100 }), { seq: 1 })));
    store.dispatch(eventReceived(ev('training_progress', progress(25, 2.0), { seq: 2 })));
    store.dispatch(eventReceived(ev('training_val', { step: 25, val_loss: 2.2 }, { seq: 3 })));
    store.dispatch(eventReceived(ev('best_model_updated', { step: 25, val_loss: 2.2, file: 'best_adapters.safetensors' }, { seq: 4 })));
    let s = store.getState().liveRun;
    expect(s.runId).toBe('run-1');
    expect(s.state).toBe('running');
    expect(s.metrics).toMatchObject({ step: 25, total_steps: 100, train_loss: 2.0, val_loss: 2.2, best_val_loss: 2.2, best_step: 25, tokens_per_sec: 500, peak_mem_gb: 1.5 });
    expect(s.train).toEqual([expect.objectContaining({ step: 25, train_loss: 2.0 })]);
    expect(s.val).toEqual([{ step: 25, val_loss: 2.2 }]);
    expect(s.best?.file).toBe('best_adapters.safetensors');

    store.dispatch(eventReceived(ev('training_completed', {
      step: 100, final_train_loss: 1.1, final_val_loss: 1.3, best_val_loss: 1.25, early_stopped: false,
    }, { seq: 5 })));
    s = store.getState().liveRun;
    expect(s.state).toBe('completed');
    expect(s.metrics.step).toBe(100);
    expect(s.metrics.best_val_loss).toBe(1.25);
    expect(s.completed?.final_val_loss).toBe(1.3);
    expect(store.getState().events.lastSeq).toBe(5);
  });

  it('ignores duplicate and older seqs', () => {
    const store = makeStore(noSocket);
    const p = ev('training_progress', progress(10, 3.0), { seq: 10 });
    store.dispatch(eventReceived(p));
    store.dispatch(eventReceived(ev('training_log', { line: 'step 10' }, { seq: 11 })));
    const before = store.getState().liveRun;
    store.dispatch(eventReceived(p)); // duplicate
    store.dispatch(eventReceived(ev('training_progress', progress(5, 9.9), { seq: 7 }))); // old
    store.dispatch(eventReceived(ev('training_log', { line: 'step 10' }, { seq: 11 })));
    const after = store.getState().liveRun;
    expect(after).toBe(before);
    expect(after.train).toHaveLength(1);
    expect(after.logs).toEqual(['step 10']);
    expect(store.getState().events.lastSeq).toBe(11);
  });

  it('stopped and error events end the run; a late status never regresses it', () => {
    const store = makeStore(noSocket);
    store.dispatch(eventReceived(ev('training_progress', progress(10, 3.0), { seq: 1 })));
    store.dispatch(eventReceived(ev('training_stopped', { step: 12 }, { seq: 2 })));
    expect(store.getState().liveRun).toMatchObject({ state: 'stopped', metrics: expect.objectContaining({ step: 12 }) });
    store.dispatch(eventReceived(ev('training_state', status({ state: 'running' }), { seq: null })));
    expect(store.getState().liveRun.state).toBe('stopped');
    store.dispatch(fulfilled('getTrainingStatus', undefined, status({ state: 'running', metrics: { step: 5 } })));
    expect(store.getState().liveRun.state).toBe('stopped');
    expect(store.getState().liveRun.metrics.step).toBe(12);
    store.dispatch(eventReceived(ev('training_error', { message: 'boom' }, { run_id: 'run-2', seq: 3 })));
    expect(store.getState().liveRun).toMatchObject({ runId: 'run-2', state: 'error', error: 'boom' });
  });

  it('training_state (on connect) sets the run shown when opened mid-run', () => {
    const store = makeStore(noSocket);
    store.dispatch(eventReceived(ev('training_state', status(), { seq: null })));
    const s = store.getState().liveRun;
    expect(s).toMatchObject({ runId: 'run-1', state: 'running', kind: 'sft' });
    expect(s.metrics).toMatchObject({ step: 10, total_steps: 100, train_loss: 2.5 });
    expect(store.getState().events.lastSeq).toBe(0);
  });

  it('a new run id resets history; a resumed run (same id) keeps it', () => {
    const store = makeStore(noSocket);
    store.dispatch(eventReceived(ev('training_progress', progress(10, 3.0), { seq: 1 })));
    store.dispatch(eventReceived(ev('training_stopped', { step: 10 }, { seq: 2 })));
    store.dispatch(eventReceived(ev('training_started', startedData({ config: {}, kind: 'sft', yaml_path: null, total_steps: 100 }), { seq: 3 })));
    expect(store.getState().liveRun.train).toHaveLength(1);
    expect(store.getState().liveRun.state).toBe('running');
    store.dispatch(eventReceived(ev('training_started', startedData({ config: {}, kind: 'enhanced', yaml_path: null, total_steps: 50 }), { run_id: 'run-2', seq: 4 })));
    expect(store.getState().liveRun).toMatchObject({ runId: 'run-2', kind: 'enhanced', train: [], logs: [] });
    // the fresh run's lists are its own (regression: shared frozen arrays)
    store.dispatch(eventReceived(ev('training_log', { line: 'x' }, { run_id: 'run-2', seq: 5 })));
    store.dispatch(eventReceived(ev('training_progress', progress(1, 1), { run_id: 'run-2', seq: 6 })));
    store.dispatch(eventReceived(ev('training_started', startedData({ config: {}, kind: 'sft', yaml_path: null, total_steps: 5 }), { run_id: 'run-3', seq: 7 })));
    store.dispatch(eventReceived(ev('training_log', { line: 'y' }, { run_id: 'run-3', seq: 8 })));
    expect(store.getState().liveRun.logs).toEqual(['y']);
  });

  it('enhanced progress carries reward and KL into the history', () => {
    const store = makeStore(noSocket);
    store.dispatch(eventReceived(ev('training_progress', progress(5, 0.4, { reward: 0.7, reward_std: 0.1, kl: 0.02, rewards: { exact: 0.7 } }), { seq: 1 })));
    const s = store.getState().liveRun;
    expect(s.train[0]).toMatchObject({ reward: 0.7, kl: 0.02 });
    expect(s.metrics).toMatchObject({ reward: 0.7, kl: 0.02 });
    expect(s.rewards).toEqual({ exact: 0.7 });
  });

  it('after runStarted, backlog events of older runs do not take over the view', () => {
    const store = makeStore(noSocket);
    store.dispatch(runStarted({ response: startResponse({ run_id: 'new', config: { iterations: 10 } }), kind: 'sft' }));
    store.dispatch(eventReceived(ev('training_started', startedData({ config: {}, kind: 'sft', yaml_path: null, total_steps: 5 }), { run_id: 'old', seq: 1 })));
    store.dispatch(eventReceived(ev('training_completed', { step: 5, final_train_loss: 1, final_val_loss: 1, best_val_loss: 1, early_stopped: false }, { run_id: 'old', seq: 2 })));
    expect(store.getState().liveRun).toMatchObject({ runId: 'new', state: 'starting' });
    store.dispatch(eventReceived(ev('training_started', startedData({ config: {}, kind: 'sft', yaml_path: null, total_steps: 10 }), { run_id: 'new', seq: 3 })));
    store.dispatch(eventReceived(ev('training_completed', { step: 10, final_train_loss: 1, final_val_loss: 1, best_val_loss: 0.9, early_stopped: false }, { run_id: 'new', seq: 4 })));
    expect(store.getState().liveRun).toMatchObject({ runId: 'new', state: 'completed', pinned: false, metrics: expect.objectContaining({ step: 10 }) });
    // once unpinned, a later run takes over as usual
    store.dispatch(eventReceived(ev('training_started', startedData({ config: {}, kind: 'sft', yaml_path: null, total_steps: 10 }), { run_id: 'next', seq: 5 })));
    expect(store.getState().liveRun.runId).toBe('next');
  });

  it('runStarted shows the new run immediately', () => {
    const store = makeStore(noSocket);
    store.dispatch(runStarted({ response: startResponse({ run_id: 'r9', config: { iterations: 300 } }), kind: 'sft' }));
    expect(store.getState().liveRun).toMatchObject({ runId: 'r9', state: 'starting', metrics: expect.objectContaining({ total_steps: 300 }) });
  });

  it('merges fetched session history and log tail with live events', () => {
    const store = makeStore(noSocket);
    store.dispatch(eventReceived(ev('training_state', status(), { seq: null })));
    store.dispatch(eventReceived(ev('training_progress', progress(30, 1.9), { seq: 1 })));
    store.dispatch(eventReceived(ev('training_log', { line: 'b' }, { seq: 2 })));
    store.dispatch(eventReceived(ev('training_log', { line: 'c' }, { seq: 3 })));
    store.dispatch(fulfilled('getSession', 'run-1', {
      id: 'run-1', state: 'running', config: null, lora_targets: null, kind: 'sft', best_val_loss: 2.3, total_steps: 100, error: null,
      history: { train: [{ step: 10, train_loss: 2.5 }, { step: 20, train_loss: 2.1 }, { step: 30, train_loss: 1.9 }], val: [{ step: 20, val_loss: 2.3 }] },
    }));
    store.dispatch(fulfilled('getTrainingLogs', { run_id: 'run-1', tail: 200 }, { run_id: 'run-1', lines: ['a', 'b'] }));
    const s = store.getState().liveRun;
    expect(s.train.map((p) => p.step)).toEqual([10, 20, 30]);
    expect(s.val).toEqual([{ step: 20, val_loss: 2.3 }]);
    expect(s.logs).toEqual(['a', 'b', 'c']);
    expect(sessionsApi.endpoints.getSession.matchFulfilled(fulfilled('getSession', 'run-1', {}))).toBe(true);
    expect(trainingApi.endpoints.getTrainingLogs.matchFulfilled(fulfilled('getTrainingLogs', {}, {}))).toBe(true);
  });
});

describe('history helpers', () => {
  it('upsertByStep keeps order and replaces equal steps', () => {
    const list = [{ step: 1, v: 1 }, { step: 3, v: 3 }];
    upsertByStep(list, { step: 2, v: 2 });
    upsertByStep(list, { step: 3, v: 33 });
    upsertByStep(list, { step: 4, v: 4 });
    expect(list).toEqual([{ step: 1, v: 1 }, { step: 2, v: 2 }, { step: 3, v: 33 }, { step: 4, v: 4 }]);
  });
  it('mergeByStep unions fetched and live points', () => {
    expect(mergeByStep([{ step: 3 }, { step: 4 }], [{ step: 1 }, { step: 3 }]).map((p) => p.step)).toEqual([1, 3, 4]);
  });
  it('mergeLogLines drops the overlap between the tail and live lines', () => {
    expect(mergeLogLines(['a', 'b', 'c'], ['b', 'c', 'd'])).toEqual(['a', 'b', 'c', 'd']);
    expect(mergeLogLines(['a', 'b'], ['x'])).toEqual(['a', 'b', 'x']);
    expect(mergeLogLines(['a', 'b', 'c'], ['c'])).toEqual(['a', 'b', 'c']);
    expect(mergeLogLines(['a', 'b', 'c', 'd'], [], 2)).toEqual(['c', 'd']);
  });
});

describe('stopping and finished runs', () => {
  const mutationFulfilled = (endpointName: string, payload: unknown) => ({
    type: 'api/executeMutation/fulfilled',
    payload,
    meta: {
      arg: { endpointName, originalArgs: undefined, type: 'mutation', track: true },
      requestId: 'm', requestStatus: 'fulfilled', fulfilledTimeStamp: Date.now(), baseQueryMeta: {},
    },
  });

  it('shows a stopping run as stopping (still active, so polling and the disabled Delete go on) until it ends', () => {
    const store = makeStore(noSocket);
    store.dispatch(fulfilled('getTrainingStatus', undefined, status()));
    expect(trainingApi.endpoints.stopTraining.matchFulfilled(mutationFulfilled('stopTraining', { run_id: 'run-1', state: 'stopping' }))).toBe(true);
    store.dispatch(mutationFulfilled('stopTraining', { run_id: 'run-1', state: 'stopping' }));
    expect(store.getState().liveRun.state).toBe('stopping');
    expect(selectRunActive(store.getState())).toBe(true);
    // the last step's report and a stale status poll do not turn it back into "running"
    store.dispatch(eventReceived(ev('training_progress', progress(11, 2.4), { seq: 1 })));
    store.dispatch(fulfilled('getTrainingStatus', undefined, status({ state: 'running' })));
    expect(store.getState().liveRun.state).toBe('stopping');
    store.dispatch(fulfilled('getTrainingStatus', undefined, status({ state: 'stopping' })));
    expect(store.getState().liveRun.state).toBe('stopping');
    store.dispatch(eventReceived(ev('training_stopped', { step: 11 }, { seq: 2 })));
    expect(store.getState().liveRun.state).toBe('stopped');
    expect(selectRunActive(store.getState())).toBe(false);
  });

  it('shows a finished run its duration and its last metrics after a reload', () => {
    const store = makeStore(noSocket);
    store.dispatch(fulfilled('getTrainingStatus', undefined, status({
      state: 'completed', started_at: 1000, ended_at: 1075,
      metrics: { step: 100, total_steps: 100, train_loss: 1.1, tokens_per_sec: 812, peak_mem_gb: 0.02, learning_rate: 1e-4, trained_tokens: 5000, last_checkpoint_step: 100 },
    })));
    const s = store.getState().liveRun;
    expect(s.metrics).toMatchObject({ tokens_per_sec: 812, peak_mem_gb: 0.02, learning_rate: 1e-4, trained_tokens: 5000, last_checkpoint_step: 100 });
    expect(runElapsedSeconds(s, 9_999_999_000)).toBe(75);
    expect(selectElapsedSeconds(store.getState(), 9_999_999_000)).toBe(75);
  });

  it('fills missing metrics of a finished run from its session (last report, checkpoint, end time)', () => {
    const store = makeStore(noSocket);
    store.dispatch(fulfilled('getTrainingStatus', undefined, status({ state: 'completed', metrics: { step: 100, total_steps: 100 } })));
    store.dispatch(fulfilled('getSession', 'run-1', {
      id: 'run-1', state: 'completed', kind: 'enhanced', steps_completed: 100, total_steps: 100, best_val_loss: null, ended_at: 61,
      history: { train: [{ step: 100, train_loss: 0.5 }], val: [] }, config: {}, lora_targets: null, error: null,
      last_progress: { tokens_per_sec: 90, reward: 0.75, kl: 0.01, peak_mem_gb: 0.3 }, last_checkpoint_step: 100,
    }));
    const s = store.getState().liveRun;
    expect(s.metrics).toMatchObject({ tokens_per_sec: 90, reward: 0.75, kl: 0.01, peak_mem_gb: 0.3, last_checkpoint_step: 100 });
    expect(runElapsedSeconds(s, 0)).toBe(60);
  });
});
