import type { FieldLimits } from '../../app/apiTypes';
import { validateDraft, type FieldErrors, type ValidationContext } from '../runForm/validation';
import type { TrainingDraft } from '../training/trainingConfig';
import { validateDistributed } from './distributed';

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

/** Setup tab validation: generic rules plus the LoRA card's rules (which win for their fields). */
export function validateTrainingDraft(draft: TrainingDraft, ctx: ValidationContext = {}): FieldErrors {
  const errors = validateDraft(draft as unknown as Record<string, unknown>, ctx);
  for (const k of ['lora_rank', 'lora_alpha', 'lora_dropout', 'lora_num_layers']) delete errors[k];
  const distributed = validateDistributed(draft.distributed);
  if (distributed) errors.distributed = distributed;
  return { ...errors, ...validateLora(draft, ctx.modelDepth, ctx.limits) };
}
