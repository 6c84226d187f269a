import type { SessionSummary } from '../../app/apiTypes';
import { ReadinessBadge, StatusBadge } from '../../components/StatusBadge';
import { fmtDate, fmtNumber } from '../../components/format';

function LoraLine({ s }: { s: SessionSummary }) {
  if (!s.lora) return null;
  const { rank, alpha, num_layers: layers } = s.lora;
  return (
    <span className="font-mono">
      r{rank ?? '?'} · α{alpha ?? '?'} · {layers === -1 ? 'all layers' : layers ? `top ${layers}` : '?'}
    </span>
  );
}

export function SessionList({ sessions, selectedId }: { sessions: SessionSummary[]; selectedId: string | null }) {
  return (
    <ul className="divide-y divide-slate-100 overflow-hidden rounded-xl border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900" data-testid="session-list">
      {sessions.map((s) => {
        const selected = s.id === selectedId;
        return (
          <li key={s.id}>
            <a
              href={`#/sessions/${encodeURIComponent(s.id)}`}
              data-testid={`session-row-${s.id}`}
              aria-current={selected ? 'true' : undefined}
              className={`block px-4 py-3 transition-colors focus-visible:-outline-offset-2 ${selected ? 'bg-brand-50/70 dark:bg-brand-900/25' : 'hover:bg-slate-50 dark:hover:bg-slate-800/50'}`}
            >
              <div className="flex items-start justify-between gap-3">
                <div className="min-w-0">
                  <p className="truncate text-sm font-semibold">{s.name || s.adapter_name || s.id}</p>
                  <p className="truncate text-xs text-slate-500 dark:text-slate-400">
                    {s.model_name ?? '—'} · {s.kind === 'enhanced' ? (s.method ?? 'enhanced').toUpperCase() : 'SFT'} · {fmtDate(s.created_at)}
                  </p>
                </div>
                <div className="flex shrink-0 flex-col items-end gap-1">
                  <StatusBadge state={s.state} testId={`session-state-${s.id}`} />
                  <ReadinessBadge readiness={s.readiness} testId={`session-readiness-${s.id}`} />
                </div>
              </div>
              <div className="mt-1.5 flex flex-wrap gap-x-4 gap-y-0.5 text-xs text-slate-500 dark:text-slate-400">
                <span>{s.steps_completed ?? 0}/{s.total_steps ?? '—'} steps</span>
                <span>best val {fmtNumber(s.best_val_loss)}</span>
                <LoraLine s={s} />
              </div>
            </a>
          </li>
        );
      })}
    </ul>
  );
}
