import { useState } from 'react';
import type { SessionSummary } from '../../app/apiTypes';
import { useAppDispatch } from '../../app/hooks';
import { Button } from '../../components/Button';
import { Modal } from '../../components/Modal';
import { Spinner } from '../../components/Spinner';
import { ReadinessBadge } from '../../components/StatusBadge';
import { notify } from '../notifications/notificationsSlice';
import { useListSessionsQuery, useLoadSessionMutation } from '../sessions/api';
import { loadBlockedReason } from '../sessions/loadable';
import { LoraFacts, LossFacts, methodLabel } from './SessionFacts';

function SessionOption({ s, current, busy, onLoad }: { s: SessionSummary; current: boolean; busy: boolean; onLoad: () => void }) {
  const blocked = loadBlockedReason(s);
  return (
    <li data-testid={`load-option-${s.id}`} className={`rounded-lg border p-3 ${current ? 'border-brand-300 bg-brand-50/50 dark:border-brand-700 dark:bg-brand-900/20' : 'border-slate-200 dark:border-slate-800'}`}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="truncate text-sm font-semibold">{s.name || s.adapter_name || s.id}</p>
          <p className="truncate text-xs text-slate-500 dark:text-slate-400">
            {s.model_name ?? '—'} · adapter <span className="font-mono">{s.adapter_name ?? '—'}</span> · {methodLabel(s)}
          </p>
        </div>
        <div className="flex shrink-0 items-center gap-2">
          <ReadinessBadge readiness={s.readiness} testId={`load-readiness-${s.id}`} />
          <Button size="sm" variant={current ? 'secondary' : 'primary'} onClick={onLoad} loading={busy} disabled={current || !!blocked} title={blocked ?? undefined} testId={`load-session-${s.id}`}>
            {current ? 'Loaded' : 'Load'}
          </Button>
        </div>
      </div>
      {blocked && <p className="mt-1 text-xs text-slate-500 dark:text-slate-400" data-testid={`load-blocked-${s.id}`}>{blocked}</p>}
      <div className="mt-2 space-y-1">
        <LoraFacts s={s} />
        <LossFacts s={s} />
      </div>
    </li>
  );
}

/** Lists every session with its readiness, model, adapter, LoRA settings and losses; Load sets Compare's session. */
export function LoadSessionModal({ open, onClose, currentId }: { open: boolean; onClose: () => void; currentId: string | null }) {
  const dispatch = useAppDispatch();
  // Refetched on open: readiness changes on disk (files deleted, a run finished) without an event.
  const { data: sessions = [], isLoading, isError, refetch } = useListSessionsQuery(undefined, { skip: !open, refetchOnMountOrArgChange: true });
  const [load] = useLoadSessionMutation();
  const [loadingId, setLoadingId] = useState<string | null>(null);
  const sorted = [...sessions].sort((a, b) => b.created_at - a.created_at);

  const onLoad = async (s: SessionSummary) => {
    setLoadingId(s.id);
    try {
      await load(s.id).unwrap();
      dispatch(notify({ level: 'success', title: 'Session loaded', message: `Compare now uses ${s.name || s.id}.` }));
      onClose();
    } catch {
      /* the listener toasted the server's message */
    } finally {
      setLoadingId(null);
    }
  };

  return (
    <Modal open={open} onClose={onClose} title="Load session" description="Choose the adapter to compare with its base model." testId="load-session-modal"
      footer={<Button onClick={onClose} testId="load-session-cancel">Close</Button>}>
      {isLoading ? (
        <p className="flex items-center gap-2 text-sm text-slate-500"><Spinner /> Loading sessions…</p>
      ) : isError ? (
        <div className="space-y-2 text-sm"><p>Sessions could not be loaded.</p><Button size="sm" onClick={() => refetch()}>Retry</Button></div>
      ) : sorted.length === 0 ? (
        <p className="text-sm text-slate-500" data-testid="load-session-empty">No sessions yet: train an adapter in Setup or Enhanced Setup, or import a legacy session in Sessions.</p>
      ) : (
        <ul className="space-y-2" data-testid="load-session-list">
          {sorted.map((s) => (
            <SessionOption key={s.id} s={s} current={s.id === currentId} busy={loadingId === s.id} onLoad={() => void onLoad(s)} />
          ))}
        </ul>
      )}
    </Modal>
  );
}
