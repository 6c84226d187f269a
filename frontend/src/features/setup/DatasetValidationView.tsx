import type { DatasetKind } from '../../app/apiTypes';
import { useDebounced } from '../../app/useDebounced';
import { Badge } from '../../components/Badge';
import { Spinner } from '../../components/Spinner';
import { fmtInt } from '../../components/format';
import { useValidateDatasetQuery } from './api';

function previewText(row: Record<string, unknown>): string {
  const s = JSON.stringify(row);
  return s.length > 240 ? `${s.slice(0, 240)}…` : s;
}

/** The server's verdict on a dataset path (POST /datasets/validate) plus its first rows. */
export function DatasetValidationView({ path, kind, label, testId }: { path: string; kind: DatasetKind; label: string; testId: string }) {
  const debounced = useDebounced(path.trim(), 400);
  const { data, isFetching, isError } = useValidateDatasetQuery({ path: debounced, kind }, { skip: debounced === '' });
  if (debounced === '') return null;
  if (isFetching && !data) {
    return (
      <p className="flex items-center gap-2 text-xs text-slate-500" data-testid={testId} data-state="loading">
        <Spinner className="size-3.5" /> Checking {label.toLowerCase()}…
      </p>
    );
  }
  if (isError || !data) return null;
  return (
    <div data-testid={testId} data-state={data.ok ? 'ok' : 'invalid'} className="space-y-2 rounded-lg border border-slate-200 bg-slate-50/70 p-3 dark:border-slate-800 dark:bg-slate-800/30">
      <div className="flex flex-wrap items-center gap-2 text-xs">
        {data.ok ? <Badge tone="success" dot>Valid</Badge> : <Badge tone="danger" dot>Problems found</Badge>}
        {data.format && <Badge tone="neutral">{data.format}</Badge>}
        <span className="text-slate-500 dark:text-slate-400">{fmtInt(data.rows)} rows</span>
        {isFetching && <Spinner className="size-3" />}
      </div>
      {data.errors.length > 0 && (
        <ul className="space-y-0.5 text-xs text-rose-700 dark:text-rose-300" data-testid={`${testId}-errors`}>
          {data.errors.slice(0, 8).map((e, i) => (
            <li key={i}>{e.line > 0 && <><span className="font-mono">line {e.line}</span>: </>}{e.message}</li>
          ))}
          {data.errors.length > 8 && <li>… and {data.errors.length - 8} more</li>}
        </ul>
      )}
      {data.preview.length > 0 && (
        <details open={data.ok} className="text-xs">
          <summary className="cursor-pointer select-none text-slate-600 dark:text-slate-300">Preview (first {data.preview.length} rows)</summary>
          <ol className="mt-2 space-y-1" data-testid={`${testId}-preview`}>
            {data.preview.map((row, i) => (
              <li key={i} className="overflow-hidden rounded-md bg-white px-2 py-1.5 font-mono text-[11px] leading-relaxed break-all text-slate-700 ring-1 ring-slate-200 dark:bg-slate-900 dark:text-slate-300 dark:ring-slate-800">
                {previewText(row)}
              </li>
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}
