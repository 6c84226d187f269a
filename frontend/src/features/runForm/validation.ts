import type { FieldLimits } from '../../app/apiTypes';
import { INTEGER_FIELDS } from '../training/trainingConfig';

/** Field name → message, as the forms show them. */
export type FieldErrors = Record<string, string>;

export interface ValidationContext {
  /** Per-field bounds from GET /training/defaults. */
  limits?: Record<string, FieldLimits>;
  /** Required field names from GET /training/defaults. */
  required?: readonly string[];
  /** Depth of the selected model, when known (bounds the layer coverage). */
  modelDepth?: number | null;
  /** Extra integer fields (e.g. method parameters declared as int). */
  integerFields?: ReadonlySet<string>;
}

const REQUIRED_MESSAGES: Record<string, string> = {
  model_path: 'Choose a model.',
  train_data_path: 'Choose a training dataset or enter a path.',
};

const fmt = (n: number): string => String(n);

/** Generic bounds check from JSON-schema style limits. */
export function checkLimits(name: string, value: unknown, limits: FieldLimits | undefined, integer: boolean): string | null {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return 'Enter a number.';
    if (integer && !Number.isInteger(value)) return 'Enter a whole number.';
    if (!limits) return null;
    if (limits.minimum !== undefined && value < limits.minimum) return `Must be at least ${fmt(limits.minimum)}.`;
    if (limits.exclusiveMinimum !== undefined && value <= limits.exclusiveMinimum) return `Must be greater than ${fmt(limits.exclusiveMinimum)}.`;
    if (limits.maximum !== undefined && value > limits.maximum) return `Must be at most ${fmt(limits.maximum)}.`;
    if (limits.exclusiveMaximum !== undefined && value >= limits.exclusiveMaximum) return `Must be below ${fmt(limits.exclusiveMaximum)}.`;
    if (limits.enum && !limits.enum.includes(value)) return `Must be one of ${limits.enum.join(', ')}.`;
    return null;
  }
  if (typeof value === 'string' && limits) {
    if (limits.minLength !== undefined && value.length < limits.minLength) return 'This field is required.';
    if (limits.pattern && value !== '' && !new RegExp(limits.pattern).test(value)) {
      return name === 'adapter_name'
        ? "Use 1–64 letters, digits, '.', '-' or '_'."
        : 'Invalid format.';
    }
    if (limits.enum && !limits.enum.includes(value)) return `Must be one of ${limits.enum.join(', ')}.`;
  }
  return null;
}

/** Validates any config-like draft: required fields, then bounds from the server. */
export function validateDraft(draft: Record<string, unknown>, ctx: ValidationContext = {}): FieldErrors {
  const errors: FieldErrors = {};
  for (const name of ctx.required ?? []) {
    const v = draft[name];
    if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) {
      errors[name] = REQUIRED_MESSAGES[name] ?? 'This field is required.';
    }
  }
  for (const [name, value] of Object.entries(draft)) {
    if (errors[name]) continue;
    const integer = INTEGER_FIELDS.has(name) || (ctx.integerFields?.has(name) ?? false);
    const msg = checkLimits(name, value, ctx.limits?.[name], integer);
    if (msg) errors[name] = msg;
  }
  return errors;
}

/** Moves focus to the first invalid field in on-screen order (inputs are `${prefix}-${field}`). */
export function focusFirstError(errors: FieldErrors, order: readonly string[], prefix: string): void {
  const first = order.find((f) => errors[f]) ?? Object.keys(errors)[0];
  if (!first) return;
  const el = document.getElementById(`${prefix}-${first}`);
  el?.focus();
  el?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
}
