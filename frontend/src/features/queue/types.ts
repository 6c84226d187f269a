/** A queue row as GET /queue and the `queue_updated` event send it (backend/schemas/queue.py). */
export type QueueState = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
export type QueueKind = 'sft' | 'enhanced';

export interface QueueItem {
  queue_id: string;
  kind: QueueKind;
  /** Place among queued items (1 = next); null once the item left the queue. */
  position: number | null;
  state: QueueState;
  run_id: string | null;
  error: string | null;
  created_at: number;
  updated_at: number;
  summary: Record<string, string | number | null>;
  config: Record<string, unknown>;
}

/** A 422 from POST /queue names fields under `config`: ["body", "config", "lora_rank"] → the form's "lora_rank". */
export function unwrapConfigLocs(err: unknown): unknown {
  const e = err as { data?: { detail?: unknown } };
  const detail = e?.data?.detail;
  if (!Array.isArray(detail)) return err;
  const items = detail.map((d: { loc?: unknown[] }) => (
    Array.isArray(d.loc) && d.loc[0] === 'body' && d.loc[1] === 'config' ? { ...d, loc: ['body', ...d.loc.slice(2)] } : d));
  return { ...e, data: { ...e.data, detail: items } };
}
