import type { LoraTargets } from '../../app/apiTypes';
import { loraScale } from './trainingConfig';

export interface LoraSummary {
  rank: number | null;
  alpha: number | null;
  scale: number | null;
  dropout: number | null;
  numLayers: number | null;
  keys: string[];
  fineTuneType: string | null;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** LoRA fields of a run config, whether flat (lora_rank …) or YAML-style (lora_parameters {…}). */
export function loraSummary(config: Record<string, unknown> | null | undefined, targets?: LoraTargets | null): LoraSummary {
  const c = config ?? {};
  const lp = (c.lora_parameters && typeof c.lora_parameters === 'object' ? c.lora_parameters : {}) as Record<string, unknown>;
  const rank = num(c.lora_rank) ?? num(lp.rank);
  const alpha = num(c.lora_alpha) ?? num(lp.alpha);
  const keys = (targets?.resolved_keys?.length ? targets.resolved_keys : Array.isArray(lp.keys) ? (lp.keys as string[]) : Array.isArray(c.lora_keys) ? (c.lora_keys as string[]) : []);
  return {
    rank,
    alpha,
    scale: num(c.lora_scale) ?? num(lp.scale) ?? loraScale(alpha, rank),
    dropout: num(c.lora_dropout) ?? num(lp.dropout),
    numLayers: num(c.lora_num_layers) ?? num(c.num_layers),
    keys,
    fineTuneType: typeof c.fine_tune_type === 'string' ? c.fine_tune_type : null,
  };
}

export function coverageLabel(n: number | null): string {
  if (n === null) return '—';
  return n === -1 ? 'All layers (-1)' : `Top ${n} layers`;
}

/** Config keys shown as "Run settings" (others stay in the raw view). */
export const RUN_SETTING_KEYS: [string, string][] = [
  ['model_path', 'Model'], ['train_data_path', 'Training data'], ['val_data_path', 'Validation data'],
  ['adapter_name', 'Adapter'], ['training_method', 'Method'], ['iterations', 'Iterations'], ['epochs', 'Epochs'],
  ['batch_size', 'Batch size'],
  ['learning_rate', 'Learning rate'], ['max_seq_length', 'Max seq length'], ['save_every', 'Save every'],
  ['steps_per_eval', 'Steps per eval'], ['early_stop', 'Early stop'], ['patience', 'Patience'],
  ['lr_schedule', 'LR schedule'], ['warmup_steps', 'Warmup updates'], ['min_learning_rate', 'Min learning rate'],
  ['optimizer', 'Optimizer'], ['weight_decay', 'Weight decay'], ['grad_accumulation_steps', 'Grad accumulation'],
  ['max_grad_norm', 'Max grad norm'], ['stall_timeout_s', 'Stall timeout (s)'], ['group_size', 'Group size'], ['beta', 'Beta (KL)'], ['temperature', 'Temperature'],
  ['importance_sampling_level', 'Importance sampling'], ['grpo_loss_type', 'Loss type'], ['reward_functions', 'Rewards'],
];

export function displayValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (Array.isArray(v)) return v.join(', ') || '—';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return String(v);
}
