import type { TokenStats } from '../../app/apiTypes';
import { fmtInt } from '../../components/format';

/** Token lengths of the measured rows as bars; bins past max_seq_length are drawn as truncated. */
export function TokenHistogram({ stats, testId }: { stats: TokenStats; testId: string }) {
  const peak = Math.max(1, ...stats.histogram.map((b) => b.count));
  const limit = stats.max_seq_length;
  return (
    <figure className="space-y-1.5" data-testid={testId}>
      <div className="flex h-20 items-end gap-px" role="img"
        aria-label={`Token lengths from ${stats.min} to ${stats.max}, median ${stats.median}`}>
        {stats.histogram.map((b) => {
          const over = limit !== null && b.hi > limit;
          return (
            <div key={b.lo} data-testid={`${testId}-bin`} data-count={b.count} data-over={over ? 'true' : 'false'}
              title={`${b.lo === b.hi ? b.lo : `${b.lo}–${b.hi}`} tokens: ${fmtInt(b.count)} rows`}
              className={`min-w-1 flex-1 rounded-t-sm ${over ? 'bg-amber-500/80' : 'bg-brand-500/70'}`}
              style={{ height: `${b.count === 0 ? 0 : Math.max(4, (100 * b.count) / peak)}%` }} />
          );
        })}
      </div>
      <figcaption className="flex flex-wrap gap-x-3 text-[11px] text-slate-500 tabular-nums dark:text-slate-400">
        <span>min {fmtInt(stats.min)}</span>
        <span>median {fmtInt(stats.median)}</span>
        <span>p95 {fmtInt(stats.p95)}</span>
        <span>max {fmtInt(stats.max)} tokens</span>
        <span>({fmtInt(stats.measured_rows)} rows measured)</span>
      </figcaption>
    </figure>
  );
}
