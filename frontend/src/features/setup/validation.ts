import type { FieldLimits } from '../../app/apiTypes';
import { INTEGER_FIELDS, type TrainingDraft } from '../training/trainingConfig';
import { validateDistributed } from './distributed';

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

/** LoRA-specific rules with messages written for people (they apply even without server limits). */
export function validateLora(
  draft: Pick<TrainingDraft, 'lora_rank' | 'lora_alpha' | 'lora_dropout' | 'lora_num_layers'>,
  modelDepth?: number | null,
  limits?: Record<string, FieldLimits>,
): FieldErrors {
  const errors: FieldErrors = {};
  const { lora_rank: rank, lora_alpha: alpha, lora_dropout: dropout, lora_num_layers: layers } = draft;
  const maxRank = limits?.lora_rank?.maximum;
  if (!Number.isFinite(rank) || !Number.isInteger(rank) || rank < 1) errors.lora_rank = 'Rank must be a positive whole number.';
  else if (maxRank !== undefined && rank > maxRank) errors.lora_rank = `Rank must be at most ${maxRank}.`;
  if (!Number.isFinite(alpha) || alpha <= 0) errors.lora_alpha = 'Alpha must be greater than 0.';
  if (!Number.isFinite(dropout) || dropout < 0 || dropout >= 1) errors.lora_dropout = 'Dropout must be at least 0 and below 1.';
  if (layers === null || layers === undefined || !Number.isFinite(layers)) errors.lora_num_layers = 'Choose a layer coverage.';
  else if (layers !== -1 && (!Number.isInteger(layers) || layers < 1)) errors.lora_num_layers = 'Coverage must be all layers (-1) or a positive number of layers.';
  else if (layers !== -1 && modelDepth && layers > modelDepth) errors.lora_num_layers = `This model has only ${modelDepth} layers.`;
  return errors;
}

/** Validates any config-like draft: required fields, bounds from the server, LoRA rules. */
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

/** Setup tab validation: generic rules plus the LoRA card's rules (which win for their fields). */
export function validateTrainingDraft(draft: TrainingDraft, ctx: ValidationContext = {}): FieldErrors {
  const errors = validateDraft(draft as unknown as Record<string, unknown>, ctx);
  for (const k of ['lora_rank', 'lora_alpha', 'lora_dropout', 'lora_num_layers']) delete errors[k];
  const distributed = validateDistributed(draft.distributed);
  if (distributed) errors.distributed = distributed;
  return { ...errors, ...validateLora(draft, ctx.modelDepth, ctx.limits) };
}
