import { Badge, type Tone } from '../../components/Badge';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { useCancelQueueItemMutation, useGetQueueQuery, useMoveQueueItemMutation } from './api';
import type { QueueItem, QueueState } from './types';

const TONE: Record<QueueState, Tone> = { queued: 'neutral', running: 'brand', done: 'success', failed: 'danger', cancelled: 'warning' };

function describe(item: QueueItem): string {
  const s = item.summary;
  const length = s.epochs ? `${s.epochs} epochs` : `${s.iterations ?? '—'} steps`;
  const method = item.kind === 'enhanced' ? String(s.training_method ?? 'grpo').toUpperCase() : 'SFT';
  return `${method} · ${length} · lr ${s.learning_rate ?? '—'}`;
}

function Row({ item, queuedCount, duplicate }: { item: QueueItem; queuedCount: number; duplicate: (item: QueueItem) => void }) {
  const [move, moving] = useMoveQueueItemMutation();
  const [cancel, cancelling] = useCancelQueueItemMutation();
  const queued = item.state === 'queued' && item.position !== null;
  const name = String(item.summary.adapter_name ?? item.queue_id);
  return (
    <li className="flex flex-wrap items-center gap-3 py-2.5" data-testid="queue-item" data-state={item.state} data-queue-id={item.queue_id}>
      <span className="w-6 text-right font-mono text-xs text-slate-500" data-testid="queue-position">{item.position ?? ''}</span>
      <div className="min-w-0 flex-1">
        <p className="truncate text-sm font-medium" data-testid="queue-name">{name}</p>
        <p className="truncate text-xs text-slate-500">
          {describe(item)}
          {item.run_id && <> · <span className="font-mono">{item.run_id}</span></>}
        </p>
        {item.error && <p className="truncate text-xs text-rose-600 dark:text-rose-400" title={item.error}>{item.error}</p>}
      </div>
      <Badge tone={TONE[item.state]} dot={item.state === 'running'} testId="queue-state">{item.state}</Badge>
      <div className="flex gap-1">
        {queued && (
          <>
            <Button size="sm" variant="ghost" disabled={item.position === 1} loading={moving.isLoading} onClick={() => move({ id: item.queue_id, position: (item.position ?? 1) - 1 })} aria-label={`Move ${name} up`} testId="queue-up">↑</Button>
            <Button size="sm" variant="ghost" disabled={item.position === queuedCount} onClick={() => move({ id: item.queue_id, position: (item.position ?? 1) + 1 })} aria-label={`Move ${name} down`} testId="queue-down">↓</Button>
            <Button size="sm" variant="ghost" loading={cancelling.isLoading} onClick={() => cancel(item.queue_id)} testId="queue-cancel">Cancel</Button>
          </>
        )}
        <Button size="sm" variant="ghost" onClick={() => duplicate(item)} title="Load this config into its setup tab to change and start or queue it" testId="queue-duplicate">Duplicate…</Button>
      </div>
    </li>
  );
}

/** The Training tab's queue: what runs next, in order, and what already ran. */
export function QueuePanel({ onDuplicate }: { onDuplicate: (item: QueueItem) => void }) {
  const { data } = useGetQueueQuery(undefined, { pollingInterval: 0 });
  const items = data?.items ?? [];
  if (items.length === 0) return null;
  const queuedCount = items.filter((i) => i.state === 'queued').length;
  return (
    <Card id="queue" title="Queue" description="Runs start one after another; a failed run does not stop the queue." testId="queue-panel">
      <ul className="divide-y divide-slate-100 dark:divide-slate-800">
        {items.slice(0, 30).map((item) => <Row key={item.queue_id} item={item} queuedCount={queuedCount} duplicate={onDuplicate} />)}
      </ul>
    </Card>
  );
}
