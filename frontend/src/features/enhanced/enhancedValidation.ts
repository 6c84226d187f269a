import type { FieldLimits, TrainingDefaultsResponse, TrainingMethod } from '../../app/apiTypes';
import { validateDraft, type FieldErrors } from '../runForm/validation';
import { SHARED_KEYS, type EnhancedDraft, type EnhancedTrainingConfig } from './enhancedConfig';
import { paramKind, paramLimits } from './methodParams';

/** Limits for the Enhanced form: shared fields from /training/defaults, then each method parameter's own bounds. */
export function enhancedLimits(method: TrainingMethod, defaults: Pick<TrainingDefaultsResponse, 'limits'> | undefined): Record<string, FieldLimits> {
  const limits: Record<string, FieldLimits> = {};
  for (const k of SHARED_KEYS) if (defaults?.limits?.[k]) limits[k] = defaults.limits[k]!;
  for (const p of method.parameters ?? []) {
    if (p.fixed) continue;
    const own = paramLimits(p);
    if (Object.keys(own).length) limits[p.name] = own;
  }
  return limits;
}

export function validateEnhancedDraft(
  draft: EnhancedDraft,
  method: TrainingMethod,
  defaults: Pick<TrainingDefaultsResponse, 'limits' | 'required'> | undefined,
): FieldErrors {
  const params = (method.parameters ?? []).filter((p) => !p.fixed && ['integer', 'number', 'choice', 'text'].includes(paramKind(p)));
  const subset: Record<string, unknown> = {};
  for (const f of [...SHARED_KEYS, ...params.map((p) => p.name)]) if (f in draft) subset[f] = draft[f];
  const integerFields = new Set(params.filter((p) => paramKind(p) === 'integer').map((p) => p.name));
  const errors = validateDraft(subset, {
    limits: enhancedLimits(method, defaults),
    required: defaults?.required ?? ['model_path', 'train_data_path'],
    integerFields,
  });
  if (!draft.reward_functions?.length) errors.reward_functions = 'Choose at least one reward function.';
  const weights = draft.reward_weights;
  if (weights && weights.some((w) => typeof w !== 'number' || !Number.isFinite(w))) errors.reward_weights = 'Every weight must be a number.';
  return errors;
}

/** The POST body for /training/start-enhanced. */
export function toEnhancedConfig(draft: EnhancedDraft): EnhancedTrainingConfig {
  const val = typeof draft.val_data_path === 'string' ? draft.val_data_path.trim() : '';
  const file = typeof draft.reward_functions_file === 'string' ? draft.reward_functions_file.trim() : '';
  const weights = draft.reward_weights && draft.reward_weights.length === draft.reward_functions.length ? draft.reward_weights : null;
  return {
    ...draft,
    model_path: draft.model_path.trim(),
    train_data_path: draft.train_data_path.trim(),
    val_data_path: val === '' ? null : val,
    reward_functions_file: file === '' ? null : file,
    reward_weights: weights,
  };
}
