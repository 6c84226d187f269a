/** A queue row as GET /queue and the `queue_updated` event send it (generated from backend/schemas/queue.py). */
import type { components } from '../../app/generated/openapi';

export type QueueItem = components['schemas']['QueueItemPublic'];
export type QueueState = QueueItem['state'];
export type QueueKind = QueueItem['kind'];

/** A 422 from POST /queue names fields under `config`: ["body", "config", "lora_rank"] → the form's "lora_rank". */
export function unwrapConfigLocs(err: unknown): unknown {
  const e = err as { data?: { detail?: unknown } };
  const detail = e?.data?.detail;
  if (!Array.isArray(detail)) return err;
  const items = detail.map((d: { loc?: unknown[] }) => (
    Array.isArray(d.loc) && d.loc[0] === 'body' && d.loc[1] === 'config' ? { ...d, loc: ['body', ...d.loc.slice(2)] } : d));
  return { ...e, data: { ...e.data, detail: items } };
}
