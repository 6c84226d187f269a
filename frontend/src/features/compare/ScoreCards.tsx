import { fmtNumber } from '../../components/format';
import { formatDelta, type DeltaTone, type ScorePair } from './scores';

const TONE: Record<DeltaTone, string> = {
  better: 'bg-emerald-50 text-emerald-700 ring-emerald-200 dark:bg-emerald-900/30 dark:text-emerald-300 dark:ring-emerald-800',
  worse: 'bg-rose-50 text-rose-700 ring-rose-200 dark:bg-rose-900/30 dark:text-rose-300 dark:ring-rose-800',
  same: 'bg-slate-100 text-slate-600 ring-slate-200 dark:bg-slate-800 dark:text-slate-300 dark:ring-slate-700',
  unknown: 'bg-slate-100 text-slate-500 ring-slate-200 dark:bg-slate-800 dark:text-slate-400 dark:ring-slate-700',
};
const TONE_WORD: Record<DeltaTone, string> = { better: 'adapter better', worse: 'adapter worse', same: 'no change', unknown: 'not comparable' };

function Bar({ value, color }: { value: number | null; color: string }) {
  const pct = value === null ? 0 : Math.max(0, Math.min(100, value));
  return (
    <div className="h-1.5 w-full overflow-hidden rounded-full bg-slate-100 dark:bg-slate-800" aria-hidden>
      <div className={`h-full rounded-full ${color}`} style={{ width: `${pct}%` }} />
    </div>
  );
}

function Side({ label, value, unit, bar, color, testId }: { label: string; value: number | null; unit: string; bar: boolean; color: string; testId: string }) {
  return (
    <div className="min-w-0 space-y-1">
      <div className="flex items-baseline justify-between gap-2">
        <span className="text-xs text-slate-500 dark:text-slate-400">{label}</span>
        <span className="font-mono text-sm font-semibold tabular-nums" data-testid={testId}>{fmtNumber(value, 2)}{unit && value !== null ? ` ${unit}` : ''}</span>
      </div>
      {bar && <Bar value={value} color={color} />}
    </div>
  );
}

export function ScoreCard({ pair }: { pair: ScorePair }) {
  return (
    <li data-testid={`score-card-${pair.key}`} className="flex min-w-0 flex-col gap-2 rounded-xl border border-slate-200 bg-white p-3 shadow-xs dark:border-slate-800 dark:bg-slate-900">
      <div className="flex items-start justify-between gap-2">
        <h4 className="text-sm font-semibold" title={pair.description}>{pair.label}</h4>
        <span data-testid={`score-delta-${pair.key}`} data-delta={pair.delta ?? ''} data-tone={pair.tone}
          title={`adapter − base (${pair.higherIsBetter ? 'higher' : 'lower'} is better): ${TONE_WORD[pair.tone]}`}
          className={`shrink-0 rounded-full px-2 py-0.5 font-mono text-xs font-semibold tabular-nums ring-1 ring-inset ${TONE[pair.tone]}`}>
          {formatDelta(pair.delta)}
          <span className="sr-only"> ({TONE_WORD[pair.tone]})</span>
        </span>
      </div>
      <Side label="Base" value={pair.base} unit={pair.unit} bar={pair.isScore} color="bg-slate-400" testId={`score-base-${pair.key}`} />
      <Side label="Adapter" value={pair.adapter} unit={pair.unit} bar={pair.isScore} color="bg-brand-500" testId={`score-adapter-${pair.key}`} />
      <p className="text-[11px] leading-snug text-slate-500 dark:text-slate-400">{pair.description}</p>
    </li>
  );
}

/** One card per metric: base and adapter side by side, the delta coloured by whether the adapter is better. */
export function ScoreCards({ pairs }: { pairs: ScorePair[] }) {
  return (
    <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3" data-testid="score-cards">
      {pairs.map((p) => <ScoreCard key={p.key} pair={p} />)}
    </ul>
  );
}
