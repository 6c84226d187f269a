/**
 * The websocket events, generated from the backend's schema (backend/schemas/events.py; names in
 * backend/runs/event_types.py). Envelope: {type, run_id, seq, ts, data}; `seq` is global and
 * increasing; only the synthetic `training_state` sent on connect has seq null.
 */
import type { components } from '../../app/generated/openapi';

type Schemas = components['schemas'];

/** The one union of every event the server sends. */
export type ServerEvent = Schemas['ServerEvent'];
export type EventType = ServerEvent['type'];
export type EventOf<K extends EventType> = Extract<ServerEvent, { type: K }>;
export type EventDataMap = { [K in EventType]: EventOf<K>['data'] };

export type TrainingStartedData = Schemas['TrainingStartedData'];
export type TrainingProgressData = Schemas['TrainingProgressData'];
export type TrainingCompletedData = Schemas['TrainingCompletedData'];
export type NotificationLevel = Schemas['NotificationData']['level'];

/** Every event type once; the compiler checks this against the generated union (none missing or extra). */
const EVENT_TYPE_SET: Record<EventType, true> = {
  training_state: true, training_started: true, training_progress: true, training_val: true,
  checkpoint_saved: true, best_model_updated: true, training_log: true, training_completed: true,
  training_stopped: true, training_error: true, notification: true, session_loaded: true,
  evaluation_progress: true, evaluation_completed: true, export_progress: true, export_completed: true,
  queue_updated: true,
};
export const EVENT_TYPES = Object.keys(EVENT_TYPE_SET) as readonly EventType[];

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
