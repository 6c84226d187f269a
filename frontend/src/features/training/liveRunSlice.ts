import { createSelector, createSlice, type PayloadAction } from '@reduxjs/toolkit';
import type {
  LoraTargets, RunKind, RunMetrics, RunState, StartResponse, TrainPoint, TrainingStatus, ValPoint,
} from '../../app/apiTypes';
import type { RootState } from '../../app/store';
import { eventReceived } from '../events/eventsSlice';
import type { ServerEvent, TrainingCompletedData } from '../events/eventTypes';
import { sessionsApi } from '../sessions/api';
import { trainingApi } from './api';
import { mergeByStep, mergeLogLines, upsertByStep } from './runHistory';

/** Every metric key present (null until known); the server sends only the ones it has. */
export type LiveMetrics = { [K in keyof RunMetrics]-?: Exclude<RunMetrics[K], undefined> };

/** The run the Training tab shows, fed by GET /training/status, session history and live events. */
export interface LiveRunState {
  runId: string | null;
  kind: RunKind | null;
  state: RunState;
  config: Record<string, unknown> | null;
  loraTargets: LoraTargets | null;
  yamlPath: string | null;
  metrics: LiveMetrics;
  train: TrainPoint[];
  val: ValPoint[];
  rewards: Record<string, number | null> | null;
  logs: string[];
  checkpoints: { step: number; file: string }[];
  best: { step: number; val_loss: number | null; file: string | null } | null;
  completed: TrainingCompletedData | null;
  error: string | null;
  startedAt: number | null;
  /** When the run ended (a finished run's elapsed time is endedAt − startedAt). */
  endedAt: number | null;
  /** Highest event seq applied here; older or repeated events are ignored. */
  appliedSeq: number;
  /**
   * Set when this client started the run (POST answered) before seeing any of its events: until
   * the first numbered event of this run arrives, numbered events of other runs are backlog
   * (older) and must not take the view away from it.
   */
  pinned: boolean;
}

export const emptyMetrics = (): LiveMetrics => ({
  step: null, total_steps: null, train_loss: null, val_loss: null, best_val_loss: null, best_step: null,
  learning_rate: null, tokens_per_sec: null, it_per_sec: null, peak_mem_gb: null, trained_tokens: null,
  eta_seconds: null, reward: null, reward_std: null, kl: null, step_time: null, last_checkpoint_step: null,
});

/** A blank run view (fresh arrays every time: they must never be shared between states). */
const blankRun = (): LiveRunState => ({
  runId: null, kind: null, state: 'idle', config: null, loraTargets: null, yamlPath: null,
  metrics: emptyMetrics(), train: [], val: [], rewards: null, logs: [], checkpoints: [], best: null,
  completed: null, error: null, startedAt: null, endedAt: null, appliedSeq: 0, pinned: false,
});

export const initialLiveRunState: LiveRunState = blankRun();

const LOG_CAP = 2000;
const TERMINAL: ReadonlySet<RunState> = new Set(['completed', 'stopped', 'error']);
/** The run holds the trainer: starting, running, or saving its adapter after Stop. */
export const isActive = (s: RunState) => s === 'starting' || s === 'running' || s === 'stopping';
export const isTerminal = (s: RunState) => TERMINAL.has(s);

/** Switches to another run, clearing everything that belonged to the previous one. */
function switchRun(state: LiveRunState, runId: string | null): void {
  if (state.runId === runId) return;
  Object.assign(state, blankRun(), { runId, appliedSeq: state.appliedSeq });
}

function mergeMetrics(state: LiveRunState, m: Partial<RunMetrics> | null | undefined): void {
  if (!m) return;
  for (const [k, v] of Object.entries(m)) {
    if (v !== undefined && k in state.metrics) (state.metrics as unknown as Record<string, unknown>)[k] = v;
  }
}

/** Applies a status snapshot (HTTP or the ws `training_state`); never regresses a finished run. */
function applyStatus(state: LiveRunState, s: TrainingStatus): void {
  state.pinned = false;
  if (!s.run_id) {
    if (state.runId && !isActive(s.state)) return; // keep showing the last run we know about
    switchRun(state, null);
    state.state = s.state;
    return;
  }
  const sameRun = state.runId === s.run_id;
  switchRun(state, s.run_id);
  const regress = sameRun && ((isTerminal(state.state) && isActive(s.state))
    || (state.state === 'running' && s.state === 'starting') || (state.state === 'stopping' && s.state === 'running'));
  if (!regress) state.state = s.state;
  state.kind = s.kind ?? state.kind;
  if (s.config) state.config = s.config;
  if (s.lora_targets) state.loraTargets = s.lora_targets;
  if (s.error) state.error = s.error;
  state.startedAt = s.started_at ?? state.startedAt;
  state.endedAt = isTerminal(s.state) ? s.ended_at ?? state.endedAt : null;
  const m = s.metrics;
  if (m && (state.metrics.step === null || (m.step ?? -1) >= state.metrics.step)) mergeMetrics(state, m);
  else if (m?.total_steps) state.metrics.total_steps = m.total_steps;
}

function applyEvent(state: LiveRunState, ev: ServerEvent): void {
  if (ev.type === 'training_state') {
    const serverLast = ev.data.last_seq;
    if (typeof serverLast === 'number' && serverLast < state.appliedSeq) state.appliedSeq = serverLast;
    applyStatus(state, ev.data);
    return;
  }
  if (ev.seq !== null) {
    if (ev.seq <= state.appliedSeq) return;
    state.appliedSeq = ev.seq;
  }
  if (!ev.run_id) return;
  if (state.pinned) {
    if (ev.run_id !== state.runId) return;
    state.pinned = false;
  }
  switch (ev.type) {
    case 'training_started': {
      const sameRun = state.runId === ev.run_id; // a resumed run keeps its history
      switchRun(state, ev.run_id);
      state.state = 'running';
      state.kind = ev.data.kind ?? state.kind;
      state.config = ev.data.config ?? state.config;
      state.loraTargets = ev.data.lora_targets ?? state.loraTargets;
      state.yamlPath = ev.data.yaml_path ?? null;
      state.metrics.total_steps = ev.data.total_steps ?? state.metrics.total_steps;
      state.startedAt = ev.ts;
      state.endedAt = null;
      state.error = null;
      state.completed = null;
      if (!sameRun) state.metrics.step = 0;
      return;
    }
    case 'training_progress': {
      switchRun(state, ev.run_id);
      const d = ev.data;
      if (!isTerminal(state.state) && state.state !== 'stopping') state.state = 'running';
      mergeMetrics(state, {
        step: d.step, total_steps: d.total ?? state.metrics.total_steps, train_loss: d.train_loss,
        learning_rate: d.learning_rate, it_per_sec: d.it_per_sec, tokens_per_sec: d.tokens_per_sec, step_time: d.step_time,
        trained_tokens: d.trained_tokens, peak_mem_gb: d.peak_mem_gb, eta_seconds: d.eta_seconds,
        reward: d.reward, reward_std: d.reward_std, kl: d.kl,
      });
      if (d.rewards) state.rewards = d.rewards;
      upsertByStep(state.train, {
        step: d.step, train_loss: d.train_loss, learning_rate: d.learning_rate, tokens_per_sec: d.tokens_per_sec,
        ...(d.reward !== undefined ? { reward: d.reward, reward_std: d.reward_std ?? null } : {}),
        ...(d.kl !== undefined ? { kl: d.kl } : {}),
      });
      return;
    }
    case 'training_val':
      switchRun(state, ev.run_id);
      state.metrics.val_loss = ev.data.val_loss;
      upsertByStep(state.val, { step: ev.data.step, val_loss: ev.data.val_loss });
      return;
    case 'checkpoint_saved':
      switchRun(state, ev.run_id);
      state.checkpoints.push({ step: ev.data.step, file: ev.data.file });
      state.metrics.last_checkpoint_step = ev.data.step;
      if (state.checkpoints.length > 100) state.checkpoints.shift();
      return;
    case 'best_model_updated':
      switchRun(state, ev.run_id);
      state.best = { step: ev.data.step, val_loss: ev.data.val_loss, file: ev.data.file };
      state.metrics.best_val_loss = ev.data.val_loss;
      state.metrics.best_step = ev.data.step;
      return;
    case 'training_log':
      switchRun(state, ev.run_id);
      state.logs.push(ev.data.line);
      if (state.logs.length > LOG_CAP) state.logs.splice(0, state.logs.length - LOG_CAP);
      return;
    case 'training_completed':
      switchRun(state, ev.run_id);
      state.state = 'completed';
      state.endedAt = ev.ts;
      state.completed = ev.data;
      state.metrics.eta_seconds = 0;
      {
        const last = ev.data.step;
        if (typeof last === 'number') state.metrics.step = last;
      }
      if (typeof ev.data.best_val_loss === 'number') state.metrics.best_val_loss = ev.data.best_val_loss;
      if (typeof ev.data.final_val_loss === 'number') state.metrics.val_loss = ev.data.final_val_loss;
      if (typeof ev.data.final_train_loss === 'number') state.metrics.train_loss = ev.data.final_train_loss;
      return;
    case 'training_stopped':
      switchRun(state, ev.run_id);
      state.state = 'stopped';
      state.endedAt = ev.ts;
      state.metrics.eta_seconds = null;
      if (ev.data.step !== null && ev.data.step !== undefined) state.metrics.step = ev.data.step;
      return;
    case 'training_error':
      switchRun(state, ev.run_id);
      state.state = 'error';
      state.endedAt = ev.ts;
      state.error = ev.data.message;
      state.metrics.eta_seconds = null;
      return;
    default:
      return;
  }
}

const liveRunSlice = createSlice({
  name: 'liveRun',
  initialState: blankRun,
  reducers: {
    /** POST /training/start (or start-enhanced / resume) answered: show that run right away. */
    runStarted(state, action: PayloadAction<{ response: StartResponse; kind: RunKind }>) {
      const { response, kind } = action.payload;
      if (state.runId === response.run_id && !isTerminal(state.state) && state.state !== 'idle') return;
      const sameRun = state.runId === response.run_id;
      switchRun(state, response.run_id);
      state.state = 'starting';
      state.kind = kind;
      state.config = response.config;
      state.loraTargets = response.lora_targets ?? state.loraTargets;
      state.yamlPath = response.yaml_path;
      state.error = null;
      state.completed = null;
      state.pinned = true;
      if (!sameRun) state.metrics.total_steps = Number(response.config.iterations) || null;
    },
  },
  extraReducers: (builder) => {
    builder
      .addCase(eventReceived, (state, action) => applyEvent(state, action.payload))
      .addMatcher(trainingApi.endpoints.getTrainingStatus.matchFulfilled, (state, action) => {
        applyStatus(state, action.payload);
      })
      .addMatcher(trainingApi.endpoints.stopTraining.matchFulfilled, (state, action) => {
        if (action.payload.run_id === state.runId && isActive(state.state)) state.state = 'stopping';
      })
      .addMatcher(trainingApi.endpoints.getTrainingLogs.matchFulfilled, (state, action) => {
        if (action.meta.arg.originalArgs.run_id !== state.runId) return;
        state.logs = mergeLogLines(action.payload.lines ?? [], state.logs, LOG_CAP);
      })
      .addMatcher(sessionsApi.endpoints.getSession.matchFulfilled, (state, action) => {
        const s = action.payload;
        if (!state.runId || s.id !== state.runId) return;
        state.train = mergeByStep(state.train, s.history?.train ?? []);
        state.val = mergeByStep(state.val, s.history?.val ?? []);
        state.config = state.config ?? s.config;
        state.loraTargets = state.loraTargets ?? s.lora_targets;
        state.kind = state.kind ?? s.kind;
        if (isTerminal(s.state) && (isActive(state.state) || state.state === 'idle')) {
          state.state = s.state;
          state.metrics.eta_seconds = null;
          if (typeof s.steps_completed === 'number' && (state.metrics.step ?? 0) < s.steps_completed) state.metrics.step = s.steps_completed;
        }
        if (s.error && !state.error) state.error = s.error;
        const lastTrain = state.train[state.train.length - 1];
        if (lastTrain && (state.metrics.step === null || lastTrain.step > state.metrics.step)) {
          state.metrics.step = lastTrain.step;
          state.metrics.train_loss = lastTrain.train_loss ?? null;
        }
        if (state.metrics.best_val_loss === null && s.best_val_loss !== null) state.metrics.best_val_loss = s.best_val_loss;
        if (state.metrics.best_step === null && s.best_step != null) state.metrics.best_step = s.best_step;
        // A reloaded page or a finished run: the last report's metrics, kept with the run.
        for (const [k, v] of Object.entries(s.last_progress ?? {})) {
          const metrics = state.metrics as unknown as Record<string, unknown>;
          if (k in metrics && metrics[k] === null && v !== null && v !== undefined) metrics[k] = v;
        }
        if (state.metrics.last_checkpoint_step == null && s.last_checkpoint_step != null) state.metrics.last_checkpoint_step = s.last_checkpoint_step;
        if (isTerminal(s.state) && state.endedAt === null && s.ended_at != null) state.endedAt = s.ended_at;
        if (state.metrics.total_steps === null && s.total_steps !== null) state.metrics.total_steps = s.total_steps;
      });
  },
});

export const { runStarted } = liveRunSlice.actions;
export default liveRunSlice.reducer;

// -- selectors --------------------------------------------------------------------------------
export const selectRunActive = (s: RootState): boolean => isActive(s.liveRun.state);

/** Seconds the run has taken: up to `now` while it is active, its duration once it ended. */
export const selectElapsedSeconds = createSelector(
  [(s: RootState) => s.liveRun.startedAt, (s: RootState) => s.liveRun.endedAt, (s: RootState) => s.liveRun.state, (_s: RootState, nowMs: number) => nowMs],
  (startedAt, endedAt, state, nowMs) => runElapsedSeconds({ startedAt, endedAt, state }, nowMs),
);

export function runElapsedSeconds(run: Pick<LiveRunState, 'startedAt' | 'endedAt' | 'state'>, nowMs: number): number | null {
  if (run.startedAt === null) return null;
  if (isActive(run.state)) return Math.max(0, nowMs / 1000 - run.startedAt);
  return run.endedAt !== null ? Math.max(0, run.endedAt - run.startedAt) : null;
}
