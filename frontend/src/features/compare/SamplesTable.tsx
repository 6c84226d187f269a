import { fmtNumber } from '../../components/format';
import type { EvaluationSample } from './types';

function Cell({ children, mono }: { children: string; mono?: boolean }) {
  return <td className={`align-top px-2 py-2 whitespace-pre-wrap break-words ${mono ? 'font-mono' : ''}`}>{children}</td>;
}

/** Per-sample question, reference and both answers (with token F1), behind a disclosure. */
export function SamplesTable({ samples }: { samples: EvaluationSample[] }) {
  return (
    <details className="group rounded-lg border border-slate-200 dark:border-slate-800" data-testid="samples">
      <summary className="cursor-pointer select-none px-3 py-2 text-sm font-medium text-slate-700 dark:text-slate-200">
        Per-sample details ({samples.length})
      </summary>
      <div className="overflow-x-auto border-t border-slate-200 dark:border-slate-800">
        <table className="w-full min-w-[44rem] table-fixed text-xs" data-testid="samples-table">
          <thead className="bg-slate-50 text-left text-slate-500 dark:bg-slate-800/50 dark:text-slate-400">
            <tr>
              <th scope="col" className="w-8 px-2 py-2 font-medium">#</th>
              <th scope="col" className="px-2 py-2 font-medium">Question</th>
              <th scope="col" className="px-2 py-2 font-medium">Reference</th>
              <th scope="col" className="px-2 py-2 font-medium">Base answer</th>
              <th scope="col" className="px-2 py-2 font-medium">Adapter answer</th>
              <th scope="col" className="w-24 px-2 py-2 font-medium" title="Token F1, base → adapter">F1 base → adapter</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
            {samples.map((s, i) => {
              const b = s.base?.token_f1 ?? null;
              const a = s.adapter?.token_f1 ?? null;
              const better = a !== null && b !== null ? a > b : null;
              return (
                <tr key={i} data-testid={`sample-row-${i}`}>
                  <td className="px-2 py-2 align-top text-slate-400">{i + 1}</td>
                  <Cell>{s.question}</Cell>
                  <Cell>{s.reference}</Cell>
                  <Cell>{s.base_answer}</Cell>
                  <Cell>{s.adapter_answer}</Cell>
                  <td className={`px-2 py-2 align-top font-mono tabular-nums ${better === true ? 'text-emerald-700 dark:text-emerald-300' : better === false && a !== b ? 'text-rose-700 dark:text-rose-300' : ''}`}>
                    {fmtNumber(b, 1)} → {fmtNumber(a, 1)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </details>
  );
}
