import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { RatingStars } from '../../components/RatingStars';
import { fmtNumber } from '../../components/format';
import { historyCleared, historyRated, historyRemoved, promptChanged, settingsChanged, type HistoryEntry } from './compareSlice';

function Answer({ label, side }: { label: string; side: HistoryEntry['base'] }) {
  return (
    <div className="min-w-0 rounded-lg bg-slate-50 p-2.5 dark:bg-slate-800/40">
      <p className="mb-1 flex justify-between gap-2 text-[11px] font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">
        <span>{label}</span>
        {side.tokens !== null && <span className="normal-case tracking-normal">{side.tokens} tok · {fmtNumber(side.tokensPerSec, 1)} tok/s</span>}
      </p>
      {side.error ? <p className="text-xs text-rose-700 dark:text-rose-300">{side.error}</p> : <p className="whitespace-pre-wrap break-words text-xs leading-relaxed">{side.text || '—'}</p>}
    </div>
  );
}

function Entry({ h }: { h: HistoryEntry }) {
  const dispatch = useAppDispatch();
  const reuse = () => {
    dispatch(promptChanged(h.prompt));
    dispatch(settingsChanged({ ...h.settings, system: h.system, checkpoint: h.checkpoint }));
    document.getElementById('compare-prompt')?.focus();
  };
  return (
    <li className="space-y-2 py-3" data-testid={`history-entry-${h.id}`}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0 flex-1">
          <p className="line-clamp-2 text-sm font-medium" title={h.prompt}>{h.prompt}</p>
          <p className="text-xs text-slate-500 dark:text-slate-400">
            {new Date(h.startedAt).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' })} · {h.sessionName} · {h.checkpoint} · T {h.settings.temperature}
          </p>
        </div>
        <div className="flex items-center gap-1">
          <RatingStars value={h.rating} onChange={(rating) => dispatch(historyRated({ id: h.id, rating }))} label="Rate the adapter answer" testId={`history-rating-${h.id}`} />
          <Button size="sm" variant="ghost" onClick={reuse}>Reuse</Button>
          <Button size="sm" variant="ghost" onClick={() => dispatch(historyRemoved(h.id))} aria-label="Remove from history">×</Button>
        </div>
      </div>
      <div className="grid gap-2 md:grid-cols-2">
        <Answer label="Base" side={h.base} />
        <Answer label="Adapter" side={h.adapter} />
      </div>
    </li>
  );
}

/** Earlier comparisons (kept in this browser across reloads), each with a 1–5 rating of the adapter answer. */
export function HistoryCard() {
  const dispatch = useAppDispatch();
  const history = useAppSelector((s) => s.compare.history);
  if (history.length === 0) return null;
  return (
    <Card id="history" title={`History (${history.length})`} description="Saved in this browser; rate the adapter's answers to keep track of what works."
      testId="history-card" actions={<Button size="sm" variant="ghost" onClick={() => dispatch(historyCleared())} testId="history-clear">Clear</Button>}>
      <ul className="-my-3 divide-y divide-slate-100 dark:divide-slate-800" data-testid="history-list">
        {history.map((h) => <Entry key={h.id} h={h} />)}
      </ul>
    </Card>
  );
}
