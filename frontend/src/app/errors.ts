import type { FetchBaseQueryError } from '@reduxjs/toolkit/query';
import type { SerializedError } from '@reduxjs/toolkit';
import type { DatasetErrorDetail, DatasetRowError, PydanticErrorItem } from './apiTypes';

export interface ParsedApiError {
  /** One readable sentence (or a few lines) for a notification. */
  message: string;
  /** Messages keyed by config field name, for inline display. */
  fieldErrors: Record<string, string>;
  status: number | string | null;
}

function isPydanticList(d: unknown): d is PydanticErrorItem[] {
  return Array.isArray(d) && d.every((x) => x && typeof x === 'object' && 'msg' in x);
}

function isDatasetDetail(d: unknown): d is DatasetErrorDetail {
  return !!d && typeof d === 'object' && !Array.isArray(d) && 'message' in d;
}

/** Field a pydantic `loc` points at: ["body", "lora_rank"] → "lora_rank". */
export function fieldFromLoc(loc: (string | number)[]): string | null {
  const parts = loc.filter((p) => p !== 'body');
  const first = parts[0];
  return typeof first === 'string' ? first : null;
}

function stripValueError(msg: string): string {
  return msg.replace(/^Value error, /, '');
}

/** Which path a dataset problem most likely concerns. */
function datasetField(detail: DatasetErrorDetail): string {
  return /\b(validation|val)\b|val_data_path|valid\.jsonl/i.test(detail.message) ? 'val_data_path' : 'train_data_path';
}

/** Interprets any RTK Query / fetch error into a message plus field-level errors. */
export function parseApiError(error: FetchBaseQueryError | SerializedError | undefined | unknown): ParsedApiError {
  const out: ParsedApiError = { message: 'Something went wrong.', fieldErrors: {}, status: null };
  if (!error || typeof error !== 'object') return out;
  const e = error as { status?: unknown; data?: unknown; error?: unknown; message?: unknown };
  if (e.status === 'FETCH_ERROR') {
    out.status = 'FETCH_ERROR';
    out.message = 'Cannot reach the LoRA Studio server. Is it running?';
    return out;
  }
  if (e.status === 'PARSING_ERROR' || e.status === 'TIMEOUT_ERROR' || e.status === 'CUSTOM_ERROR') {
    out.status = e.status;
    out.message = typeof e.error === 'string' ? e.error : String(e.status);
    return out;
  }
  if (typeof e.status === 'number') {
    out.status = e.status;
    const detail = (e.data as { detail?: unknown } | undefined)?.detail;
    if (typeof detail === 'string') {
      out.message = detail;
    } else if (isPydanticList(detail)) {
      const lines: string[] = [];
      for (const item of detail) {
        const field = fieldFromLoc(item.loc ?? []);
        const msg = stripValueError(item.msg);
        if (field && !(field in out.fieldErrors)) out.fieldErrors[field] = msg;
        lines.push(field ? `${field}: ${msg}` : msg);
      }
      out.message = lines.join('\n') || `Request failed (${e.status}).`;
    } else if (isDatasetDetail(detail)) {
      const errs = detail.errors ?? [];
      const shown = errs.slice(0, 3).map(rowErrorText);
      if (errs.length > 3) shown.push(`… and ${errs.length - 3} more`);
      out.message = [detail.message, ...shown].join('\n');
      out.fieldErrors[datasetField(detail)] = [detail.message, ...shown.slice(0, 1)].join(' — ');
    } else {
      out.message = `Request failed (${e.status}).`;
    }
    return out;
  }
  if (typeof e.message === 'string') out.message = e.message;
  return out;
}

/** Where a dataset problem is ("line 7", "row 3", "valid split, line 2"), or '' for the whole file. */
export function rowErrorPlace(e: DatasetRowError): string {
  const at = e.line ? `line ${e.line}` : e.row ? `row ${e.row}` : '';
  return e.split ? [`${e.split} split`, at].filter(Boolean).join(', ') : at;
}

export function rowErrorText(e: DatasetRowError): string {
  const place = rowErrorPlace(e);
  return place ? `${place}: ${e.message}` : e.message;
}
