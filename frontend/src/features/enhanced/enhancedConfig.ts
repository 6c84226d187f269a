import type { ConfigValue, EnhancedTrainingConfigBody, MethodParameter, TrainingDefaultsResponse, TrainingMethod } from '../../app/apiTypes';
import { pickKnown } from '../training/trainingConfig';

export type EnhancedMethodId = NonNullable<EnhancedTrainingConfigBody['training_method']>;

/** Body of POST /training/start-enhanced as the form sends it (GRPO family; attention-only LoRA keys
 *  on the server): the generated schema's fields the Enhanced tab edits, every one present. */
export type EnhancedTrainingConfig = Pick<Required<EnhancedTrainingConfigBody>, (typeof ENHANCED_KEYS)[number]>;

/** The Enhanced form: the config plus any extra method parameters the server declares. */
export type EnhancedDraft = EnhancedTrainingConfig & Record<string, ConfigValue>;

/** Fields shared with the Setup tab's TrainingConfig (taken from GET /training/defaults). */
export const SHARED_KEYS = [
  'model_path', 'train_data_path', 'val_data_path', 'adapter_name', 'learning_rate', 'batch_size',
  'max_seq_length', 'iterations', 'steps_per_report', 'steps_per_eval', 'save_every', 'val_batches',
] as const;

/** Fields the Enhanced page renders itself (not in the generic method-parameter grid). */
export const OWN_FIELDS: ReadonlySet<string> = new Set<string>([
  ...SHARED_KEYS, 'training_method', 'reward_functions', 'reward_weights', 'reward_functions_file',
  'start_from_session_id', 'lora_rank', 'lora_alpha', 'lora_dropout', 'lora_num_layers',
]);

export const ENHANCED_KEYS = [
  ...SHARED_KEYS, 'training_method', 'group_size', 'epsilon', 'epsilon_high', 'temperature',
  'max_completion_length', 'importance_sampling_level', 'grpo_loss_type', 'beta', 'reward_functions',
  'reward_weights', 'reward_functions_file', 'start_from_session_id', 'lora_rank', 'lora_alpha', 'lora_dropout',
  'lora_num_layers',
] as const;

/** A method's own parameter defaults: its `defaults` object, then each parameter's `default`. */
export function methodDefaults(method: TrainingMethod): Record<string, ConfigValue> {
  const out: Record<string, ConfigValue> = { ...(method.defaults ?? {}) };
  for (const p of method.parameters ?? []) if (p.default !== undefined && !(p.name in (method.defaults ?? {}))) out[p.name] = p.default;
  out.training_method = method.id;
  return out;
}

function methodKeys(method: TrainingMethod): string[] {
  return [...ENHANCED_KEYS, ...Object.keys(method.defaults ?? {}), ...(method.parameters ?? []).map((p: MethodParameter) => p.name)];
}

/** Enhanced draft = shared defaults (+ ui_overrides) → method defaults → further layers (e.g. a session). */
export function mergeEnhancedConfig(
  resp: Pick<TrainingDefaultsResponse, 'defaults' | 'ui_overrides'>,
  method: TrainingMethod,
  ...layers: (Record<string, unknown> | null | undefined)[]
): EnhancedDraft {
  const keys = methodKeys(method);
  const merged: Record<string, unknown> = {
    model_path: '', train_data_path: '', val_data_path: null, reward_functions: [], reward_weights: null,
    reward_functions_file: null,
    ...pickKnown(resp.defaults, SHARED_KEYS),
    ...pickKnown(resp.ui_overrides, SHARED_KEYS),
    ...methodDefaults(method),
  };
  for (const l of layers) Object.assign(merged, pickKnown(l, keys));
  merged.training_method = method.id;
  if (merged.model_path === null) merged.model_path = '';
  if (merged.train_data_path === null) merged.train_data_path = '';
  return merged as EnhancedDraft;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Switching method: parameters the new method fixes are applied; any other value takes the new
 * method's default only if the user had left it at the previous method's default.
 */
export function switchMethod(draft: EnhancedDraft, from: TrainingMethod | undefined, to: TrainingMethod): EnhancedDraft {
  const oldDefaults = from ? methodDefaults(from) : {};
  const fixed = new Set((to.parameters ?? []).filter((p) => p.fixed).map((p) => p.name));
  const next: Record<string, unknown> = { ...draft };
  for (const [k, v] of Object.entries(methodDefaults(to))) {
    if (fixed.has(k) || !(k in draft) || same(draft[k], oldDefaults[k])) next[k] = v;
  }
  next.training_method = to.id;
  return next as EnhancedDraft;
}
