/**
 * The websocket events, declared once for the SPA (the backend declares the same set once in
 * backend/runs/events.py). Envelope: {type, run_id, seq, ts, data}; `seq` is global and
 * increasing; only the synthetic `training_state` sent on connect has seq null.
 */
import type { LoraTargets, RunKind, TrainingStatus } from '../../app/apiTypes';
import type { QueueItem } from '../queue/types';

export interface TrainingStartedData {
  config: Record<string, unknown>;
  kind: RunKind;
  lora_targets: LoraTargets | null;
  yaml_path: string | null;
  total_steps: number | null;
}

export interface TrainingProgressData {
  step: number;
  total: number | null;
  train_loss: number | null;
  learning_rate: number | null;
  it_per_sec: number | null;
  tokens_per_sec: number | null;
  trained_tokens: number | null;
  peak_mem_gb: number | null;
  eta_seconds: number | null;
  reward?: number | null;
  reward_std?: number | null;
  kl?: number | null;
  rewards?: Record<string, number>;
}

export interface TrainingCompletedData {
  steps_completed?: number | null;
  /** The server may name the last step `step` instead of `steps_completed`. */
  step?: number | null;
  final_train_loss: number | null;
  final_val_loss: number | null;
  best_val_loss: number | null;
  early_stopped: boolean;
}

export type NotificationLevel = 'info' | 'warning' | 'error';

export interface EventDataMap {
  training_state: TrainingStatus;
  training_started: TrainingStartedData;
  training_progress: TrainingProgressData;
  training_val: { step: number; val_loss: number | null };
  checkpoint_saved: { step: number; file: string };
  best_model_updated: { step: number; val_loss: number | null; file: string };
  training_log: { line: string };
  training_completed: TrainingCompletedData;
  training_stopped: { step: number | null };
  training_error: { message: string };
  notification: { level: NotificationLevel; title: string; message: string };
  session_loaded: { session_id: string };
  evaluation_progress: { evaluation_id: string; progress: number; phase: string };
  evaluation_completed: { evaluation_id: string; state: string; error?: string | null };
  queue_updated: { items: QueueItem[] };
}

export type EventType = keyof EventDataMap;

/** The one union of every event the server sends. */
export type ServerEvent = {
  [K in EventType]: {
    type: K;
    run_id: string | null;
    seq: K extends 'training_state' ? number | null : number;
    ts: number;
    data: EventDataMap[K];
  };
}[EventType];

export type EventOf<K extends EventType> = Extract<ServerEvent, { type: K }>;

export const EVENT_TYPES: readonly EventType[] = [
  'training_state', 'training_started', 'training_progress', 'training_val', 'checkpoint_saved',
  'best_model_updated', 'training_log', 'training_completed', 'training_stopped', 'training_error',
  'notification', 'session_loaded', 'evaluation_progress', 'evaluation_completed', 'queue_updated',
] as const;

const KNOWN = new Set<string>(EVENT_TYPES);

/** Parses one websocket message; returns null for anything that is not a known event. */
export function parseServerEvent(raw: string): ServerEvent | null {
  let msg: unknown;
  try {
    msg = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!msg || typeof msg !== 'object') return null;
  const m = msg as Record<string, unknown>;
  if (typeof m.type !== 'string' || !KNOWN.has(m.type)) return null;
  if (m.seq !== null && m.seq !== undefined && typeof m.seq !== 'number') return null;
  return {
    type: m.type,
    run_id: typeof m.run_id === 'string' ? m.run_id : null,
    seq: typeof m.seq === 'number' ? m.seq : null,
    ts: typeof m.ts === 'number' ? m.ts : Date.now() / 1000,
    data: (m.data && typeof m.data === 'object' ? m.data : {}) as never,
  } as ServerEvent;
}

/** Run lifecycle events after which session lists and details are stale. */
export const RUN_LIFECYCLE_EVENTS: ReadonlySet<EventType> = new Set<EventType>([
  'training_started', 'training_completed', 'training_stopped', 'training_error', 'best_model_updated',
  'session_loaded',
]);
