import type { RenderedRow } from '../../app/apiTypes';
import { fmtInt } from '../../components/format';

/** The first rows as the model's chat template renders them; the trained part is highlighted. */
export function RenderedRows({ rows, testId }: { rows: RenderedRow[]; testId: string }) {
  return (
    <ol className="space-y-1.5" data-testid={testId}>
      {rows.map((row, i) => (
        <li key={i} className="space-y-1">
          <pre className="overflow-x-auto rounded-md bg-white px-2 py-1.5 font-mono text-[11px] leading-relaxed whitespace-pre-wrap break-all text-slate-500 ring-1 ring-slate-200 dark:bg-slate-900 dark:text-slate-400 dark:ring-slate-800">
            {row.segments.map((s, j) => (
              <span key={j} data-trained={s.trained ? 'true' : 'false'}
                className={s.trained ? 'rounded-sm bg-emerald-100 text-emerald-900 dark:bg-emerald-900/40 dark:text-emerald-200' : undefined}>
                {s.text}
              </span>
            ))}
          </pre>
          <p className="text-[11px] text-slate-500 dark:text-slate-400">
            {fmtInt(row.tokens)} tokens, {fmtInt(row.trained_tokens)} trained (highlighted)
            {row.truncated && <span className="text-amber-700 dark:text-amber-300"> · truncated to max_seq_length</span>}
          </p>
        </li>
      ))}
    </ol>
  );
}
