import type { ConfigValue, DistributedSettings, TrainingConfigBody, TrainingDefaultsResponse } from '../../app/apiTypes';

/**
 * The SFT run configuration (POST /training/start), every field present: the form holds them all.
 * The shape is the server's (generated from its schema); GRPO-family fields are not part of it:
 * moving a config between the Setup and Enhanced tabs picks the keys each side knows.
 * Values never come from TypeScript constants: see `mergeTrainingConfig` (GET /training/defaults).
 */
export type TrainingConfig = Required<Omit<TrainingConfigBody, 'distributed'>> & { distributed: DistributedSettings };

/**
 * What the Setup form edits: a TrainingConfig whose numbers may be NaN while a field holds
 * unparseable text and whose coverage may be unchosen (null). Validation turns it into a config.
 */
export type TrainingDraft = Omit<TrainingConfig, 'lora_num_layers'> & { lora_num_layers: number | null };

export type ConfigKey = keyof TrainingConfig;

/** Field names of TrainingConfig (type information only; values come from the server). */
export const TRAINING_CONFIG_KEYS = [
  'model_path', 'train_data_path', 'val_data_path', 'data_mapping', 'adapter_name', 'learning_rate', 'batch_size',
  'max_seq_length', 'iterations', 'steps_per_report', 'steps_per_eval', 'save_every', 'val_batches',
  'early_stop', 'patience', 'fine_tune_type', 'lora_rank', 'lora_alpha', 'lora_dropout', 'lora_num_layers',
  'grad_checkpoint', 'mask_prompt', 'seed', 'distributed',
  'lr_schedule', 'warmup_steps', 'min_learning_rate', 'optimizer', 'weight_decay', 'grad_accumulation_steps',
  'max_grad_norm', 'epochs', 'stall_timeout_s',
] as const satisfies readonly ConfigKey[];
// A field the server adds to TrainingConfig must be listed above (or the form silently drops it).
const everyKeyListed: [Exclude<ConfigKey, (typeof TRAINING_CONFIG_KEYS)[number]>] extends [never] ? true : false = true;
void everyKeyListed;

/** Integer-valued fields (a type property, used by validation). */
export const INTEGER_FIELDS: ReadonlySet<string> = new Set([
  'batch_size', 'max_seq_length', 'iterations', 'steps_per_report', 'steps_per_eval', 'save_every',
  'val_batches', 'patience', 'lora_rank', 'lora_num_layers', 'seed', 'group_size', 'max_completion_length',
  'warmup_steps', 'grad_accumulation_steps',
]);

type Layer = Record<string, unknown> | null | undefined;

/** Keeps only known keys with defined values (drops run ids, legacy extras, undefined). */
export function pickKnown<K extends string>(source: Layer, keys: readonly K[]): Partial<Record<K, ConfigValue>> {
  const out: Partial<Record<K, ConfigValue>> = {};
  if (!source) return out;
  for (const k of keys) {
    const v = source[k];
    if (v !== undefined) out[k] = v as ConfigValue;
  }
  return out;
}

/**
 * The Setup tab's config: server `defaults`, then the server's `ui_overrides` (e.g. save_every
 * 1000), then any further layers (a loaded session's config, an earlier draft). Unknown keys are
 * dropped; paths the defaults lack start empty.
 */
export function mergeTrainingConfig(resp: Pick<TrainingDefaultsResponse, 'defaults' | 'ui_overrides'>, ...layers: Layer[]): TrainingDraft {
  const base: Record<string, unknown> = { model_path: '', train_data_path: '', val_data_path: null };
  const merged = Object.assign(
    base,
    pickKnown(resp.defaults, TRAINING_CONFIG_KEYS),
    pickKnown(resp.ui_overrides, TRAINING_CONFIG_KEYS),
    ...layers.map((l) => pickKnown(l, TRAINING_CONFIG_KEYS)),
  );
  if (merged.model_path === null) merged.model_path = '';
  if (merged.train_data_path === null) merged.train_data_path = '';
  if (merged.val_data_path === '') merged.val_data_path = null;
  return merged as unknown as TrainingDraft;
}

/** Effective LoRA scale (alpha / rank), the value mlx-lm multiplies the update by. */
export function loraScale(alpha: number | null | undefined, rank: number | null | undefined): number | null {
  if (typeof alpha !== 'number' || typeof rank !== 'number' || !Number.isFinite(alpha) || !(rank > 0)) return null;
  return alpha / rank;
}
