import { useMemo } from 'react';
import type { DataMapping, DatasetErrorDetail, DatasetKind, DatasetValidation, DatasetValidationRequest } from '../../app/apiTypes';
import { rowErrorPlace } from '../../app/errors';
import { useDebounced } from '../../app/useDebounced';
import { Badge } from '../../components/Badge';
import { Spinner } from '../../components/Spinner';
import { fmtInt } from '../../components/format';
import { useValidateDatasetQuery } from './api';
import { MappingEditor } from './MappingEditor';
import { RenderedRows } from './RenderedRows';
import { TokenHistogram } from './TokenHistogram';

const TABULAR = new Set(['csv', 'tsv', 'parquet', 'arrow', 'hf-dataset', 'hf-datasetdict']);

function previewText(row: Record<string, unknown>): string {
  const s = JSON.stringify(row);
  return s.length > 240 ? `${s.slice(0, 240)}…` : s;
}

export interface DatasetValidationViewProps {
  path: string;
  kind: DatasetKind;
  label: string;
  testId: string;
  /** With a model: rows rendered by its chat template and token statistics. */
  modelPath?: string;
  maxSeqLength?: number;
  /** The explicit column mapping (null: detected); editing is offered when onMappingChange is given. */
  mapping?: DataMapping | null;
  onMappingChange?: (m: DataMapping | null) => void;
}

function ErrorList({ errors, total, testId }: { errors: DatasetValidation['errors']; total: number; testId: string }) {
  return (
    <ul className="space-y-0.5 text-xs text-rose-700 dark:text-rose-300" data-testid={testId}>
      {errors.slice(0, 8).map((e, i) => {
        const place = rowErrorPlace(e);
        return <li key={i}>{place && <><span className="font-mono">{place}</span>: </>}{e.message}</li>;
      })}
      {total > 8 && <li>… and {fmtInt(total - 8)} more</li>}
    </ul>
  );
}

function TruncationWarning({ data, testId }: { data: DatasetValidation; testId: string }) {
  const stats = data.token_stats;
  if (!stats || !stats.max_seq_length || stats.over_max_seq_length === 0) return null;
  return (
    <p className="rounded-md bg-amber-50 px-2 py-1.5 text-xs text-amber-800 ring-1 ring-amber-200 dark:bg-amber-900/20 dark:text-amber-200 dark:ring-amber-800" data-testid={testId} role="status">
      {fmtInt(stats.over_max_seq_length)} of {fmtInt(stats.measured_rows)} rows are longer than max_seq_length
      ({fmtInt(stats.max_seq_length)} tokens) and will be truncated.
    </p>
  );
}

/** The server's verdict on a dataset (POST /datasets/validate): format, mapping, errors and what will be trained. */
export function DatasetValidationView({ path, kind, label, testId, modelPath, maxSeqLength, mapping = null, onMappingChange }: DatasetValidationViewProps) {
  // Debounced as a string: a fresh object each render would restart the timer forever.
  const key = useDebounced(JSON.stringify({
    path: path.trim(), kind, mapping,
    ...(modelPath ? { model_path: modelPath } : {}),
    ...(maxSeqLength && Number.isFinite(maxSeqLength) && maxSeqLength >= 16 ? { max_seq_length: maxSeqLength } : {}),
  }), 400);
  const request = useMemo(() => JSON.parse(key) as DatasetValidationRequest, [key]);
  const { data, error, isFetching } = useValidateDatasetQuery(request, { skip: request.path === '' });
  if (request.path === '') return null;
  if (isFetching && !data && !error) {
    return (
      <p className="flex items-center gap-2 text-xs text-slate-500" data-testid={testId} data-state="loading">
        <Spinner className="size-3.5" /> Checking {label.toLowerCase()}…
      </p>
    );
  }
  const refused = error && 'status' in error ? ((error.data as { detail?: unknown } | undefined)?.detail as DatasetErrorDetail | string | undefined) : undefined;
  const editor = (columns: string[], shown: DataMapping | null) => onMappingChange && (
    <MappingEditor kind={kind} columns={columns} mapping={shown} explicit={mapping !== null} onChange={onMappingChange} testId={`${testId}-mapping`} />
  );
  if (error || !data) {
    const status = error && 'status' in error ? error.status : 'no answer';
    const detail: DatasetErrorDetail = typeof refused === 'object' && refused && 'message' in refused ? refused
      : { message: typeof refused === 'string' ? refused : `Could not check the ${label.toLowerCase()} (${String(status)}).` };
    const located = (detail.errors ?? []).filter((e) => e.line || e.row);
    return (
      <div data-testid={testId} data-state="refused" className="space-y-2 rounded-lg border border-rose-200 bg-rose-50/60 p-3 text-xs dark:border-rose-900 dark:bg-rose-950/20">
        <p className="text-rose-700 dark:text-rose-300" data-testid={`${testId}-message`}>{detail.message}</p>
        {located.length > 0 && <ErrorList errors={located} total={located.length} testId={`${testId}-errors`} />}
        {detail.columns && detail.columns.length > 0 && editor(detail.columns, mapping)}
      </div>
    );
  }
  const converted = data.format !== data.trains_as ? `${data.format} → ${data.trains_as}` : data.format;
  return (
    <div data-testid={testId} data-state={data.ok ? 'ok' : 'invalid'} className="space-y-2 rounded-lg border border-slate-200 bg-slate-50/70 p-3 dark:border-slate-800 dark:bg-slate-800/30">
      <div className="flex flex-wrap items-center gap-2 text-xs">
        {data.ok ? <Badge tone="success" dot>Valid</Badge> : <Badge tone="danger" dot>Problems found</Badge>}
        <Badge tone="neutral" testId={`${testId}-source`}>{data.source}</Badge>
        <Badge tone="info" testId={`${testId}-format`} title="detected format → the mlx-lm rows it trains as">{converted}</Badge>
        <span className="text-slate-500 dark:text-slate-400" data-testid={`${testId}-rows`}>
          {fmtInt(data.rows)} rows{data.splits.valid ? ` · ${fmtInt(data.splits.valid)} validation` : ''}{data.splits.test ? ` · ${fmtInt(data.splits.test)} test` : ''}
        </span>
        {isFetching && <Spinner className="size-3" />}
      </div>
      {TABULAR.has(data.source) && data.columns.length > 0 && editor(data.columns, mapping ?? data.mapping)}
      {data.errors.length > 0 && <ErrorList errors={data.errors} total={data.error_count} testId={`${testId}-errors`} />}
      <TruncationWarning data={data} testId={`${testId}-truncation`} />
      {data.token_stats && <TokenHistogram stats={data.token_stats} testId={`${testId}-histogram`} />}
      {data.rendered && data.rendered.length > 0 && (
        <details open={data.ok} className="text-xs">
          <summary className="cursor-pointer select-none text-slate-600 dark:text-slate-300">What the model is trained on (first {data.rendered.length} rows, chat template applied)</summary>
          <div className="mt-2"><RenderedRows rows={data.rendered} testId={`${testId}-rendered`} /></div>
        </details>
      )}
      {data.preview.length > 0 && (
        <details open={data.ok && !data.rendered} className="text-xs">
          <summary className="cursor-pointer select-none text-slate-600 dark:text-slate-300">Rows as converted (first {data.preview.length})</summary>
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
