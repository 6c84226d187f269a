import type { FieldLimits, MethodParameter } from '../../app/apiTypes';
import { INTEGER_FIELDS } from '../training/trainingConfig';

export type ParamKind = 'choice' | 'boolean' | 'integer' | 'number' | 'list' | 'text';

/** Numeric method fields whose default may be null (the server then uses another value). */
const NULLABLE_NUMBERS: ReadonlySet<string> = new Set(['epsilon_high']);

/** The kind of input a method parameter needs: its declared type, else inferred from default and bounds. */
export function paramKind(p: MethodParameter): ParamKind {
  if (p.choices?.length) return 'choice';
  const t = (p.type ?? '').toLowerCase();
  if (t.startsWith('bool') || typeof p.default === 'boolean') return 'boolean';
  if (t.startsWith('int') || (INTEGER_FIELDS.has(p.name) && !t)) return 'integer';
  if (t.startsWith('float') || t.startsWith('num') || typeof p.default === 'number' || NULLABLE_NUMBERS.has(p.name)) return 'number';
  const l = paramLimits(p);
  if (l.minimum !== undefined || l.maximum !== undefined || l.exclusiveMinimum !== undefined || l.exclusiveMaximum !== undefined) return 'number';
  if (t.startsWith('list') || Array.isArray(p.default)) return 'list';
  return 'text';
}

/** Bounds of a parameter (JSON-schema keys, as GET /training/methods sends them). */
export function paramLimits(p: MethodParameter): FieldLimits {
  const l: FieldLimits = {};
  const min = p.minimum;
  const max = p.maximum;
  if (typeof min === 'number') l.minimum = min;
  if (typeof max === 'number') l.maximum = max;
  if (typeof p.exclusiveMinimum === 'number') l.exclusiveMinimum = p.exclusiveMinimum;
  if (typeof p.exclusiveMaximum === 'number') l.exclusiveMaximum = p.exclusiveMaximum;
  if (p.choices?.length) l.enum = p.choices;
  return l;
}

export function boundsText(p: MethodParameter): string {
  const l = paramLimits(p);
  const lo = l.minimum !== undefined ? `≥ ${l.minimum}` : l.exclusiveMinimum !== undefined ? `> ${l.exclusiveMinimum}` : '';
  const hi = l.maximum !== undefined ? `≤ ${l.maximum}` : l.exclusiveMaximum !== undefined ? `< ${l.exclusiveMaximum}` : '';
  return [lo, hi].filter(Boolean).join(', ');
}
