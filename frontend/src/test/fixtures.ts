import type { RunMetrics, StartResponse, TrainingDefaultsResponse, TrainingMethod, TrainingStatus } from '../app/apiTypes';
import type { TrainingStartedData } from '../features/events/eventTypes';
import type { ServerEvent } from '../features/events/eventTypes';

/** GET /training/defaults as the API contract describes it. */
export const defaultsResponse: TrainingDefaultsResponse = {
  defaults: {
    val_data_path: null, adapter_name: 'adapter',
    learning_rate: 1e-4, batch_size: 1, max_seq_length: 2048, iterations: 1000, steps_per_report: 25,
    steps_per_eval: 200, save_every: 25, val_batches: 25, early_stop: true, patience: 3, fine_tune_type: 'lora',
    lora_rank: 32, lora_alpha: 32, lora_dropout: 0, lora_num_layers: -1, grad_checkpoint: false,
    mask_prompt: false, seed: 0,
  },
  ui_overrides: { save_every: 1000 },
  limits: {
    adapter_name: { pattern: '^[A-Za-z0-9._-]{1,64}$' },
    learning_rate: { exclusiveMinimum: 0, maximum: 1 },
    batch_size: { minimum: 1, maximum: 1024 },
    iterations: { minimum: 1, maximum: 1000000 },
    lora_rank: { minimum: 1, maximum: 512 },
    lora_alpha: { exclusiveMinimum: 0, maximum: 4096 },
    lora_dropout: { minimum: 0, exclusiveMaximum: 1 },
    lora_num_layers: { minimum: -1 },
    save_every: { minimum: 1 },
  },
  required: ['model_path', 'train_data_path'],
};

/** Shaped like the server's GET /training/methods (JSON-schema type, bounds and choices, `fixed`). */
export const grpoMethod: TrainingMethod = {
  id: 'grpo', name: 'GRPO', full_name: 'Group Relative Policy Optimization', description: 'Token-level GRPO.',
  parameters: [
    { name: 'group_size', default: 4, description: 'Completions per prompt', type: 'integer', minimum: 2, maximum: 64, fixed: false },
    { name: 'epsilon_high', default: null, description: 'Upper clipping width', type: 'number', exclusiveMinimum: 0, maximum: 1, fixed: false },
    { name: 'beta', default: 0.1, description: 'KL coefficient', type: 'number', minimum: 0, maximum: 10, fixed: false },
    { name: 'temperature', default: 0.8, description: '', type: 'number', exclusiveMinimum: 0, maximum: 2, fixed: false },
    { name: 'learning_rate', default: 1e-5, description: '', type: 'number', exclusiveMinimum: 0, maximum: 1, fixed: false },
    { name: 'reward_functions', default: ['exact'], description: '', type: 'array', fixed: false },
    { name: 'importance_sampling_level', default: 'token', description: '', type: 'string', choices: ['token', 'sequence'], fixed: true },
    { name: 'grpo_loss_type', default: 'grpo', description: '', type: 'string', choices: ['grpo', 'bnpo', 'dr_grpo'], fixed: true },
  ],
  defaults: {
    adapter_name: 'grpo-adapter', learning_rate: 1e-5, save_every: 25, group_size: 4, beta: 0.1, epsilon: 0.0001, epsilon_high: null,
    temperature: 0.8, max_completion_length: 128, grpo_loss_type: 'grpo', importance_sampling_level: 'token',
    reward_functions: ['exact'], reward_weights: null, lora_rank: 8, lora_alpha: 16,
  },
};

export const gspoMethod: TrainingMethod = {
  ...grpoMethod, id: 'gspo', name: 'GSPO', full_name: 'Group Sequence Policy Optimization',
  defaults: { ...grpoMethod.defaults, importance_sampling_level: 'sequence' },
};

let seq = 100;
export function ev<T extends ServerEvent['type']>(
  type: T,
  data: Extract<ServerEvent, { type: T }>['data'],
  opts: { run_id?: string | null; seq?: number | null; ts?: number } = {},
): Extract<ServerEvent, { type: T }> {
  return {
    type, data,
    run_id: opts.run_id === undefined ? 'run-1' : opts.run_id,
    seq: opts.seq === undefined ? ++seq : opts.seq,
    ts: opts.ts ?? Date.now() / 1000,
  } as Extract<ServerEvent, { type: T }>;
}

export function progress(step: number, loss: number, extra: Record<string, unknown> = {}) {
  return {
    step, total: 100, train_loss: loss, learning_rate: 1e-4, it_per_sec: 2, tokens_per_sec: 500,
    trained_tokens: step * 100, peak_mem_gb: 1.5, eta_seconds: (100 - step) / 2, ...extra,
  };
}

/** /training/status metrics as the server sends them: the stored six always, live ones when known. */
export function metrics(over: Partial<RunMetrics> = {}): RunMetrics {
  return { step: null, total_steps: null, train_loss: null, val_loss: null, best_val_loss: null, best_step: null, ...over };
}

/** The websocket's `training_state` snapshot: a status plus the newest stored seq. */
export function stateData(status: Omit<TrainingStatus, 'metrics'> & { metrics?: Partial<RunMetrics> }, lastSeq = 0): TrainingStatus & { last_seq: number } {
  return { ...status, metrics: metrics(status.metrics), last_seq: lastSeq };
}

/** `training_started` as the job manager publishes it. */
export function startedData(over: Partial<TrainingStartedData> = {}): TrainingStartedData {
  return { config: {}, kind: 'sft', total_steps: 100, lora_targets: null, yaml_path: '/tmp/gui_training_config.yaml', resumed_from: null, ...over };
}

/** POST /training/start's answer. */
export function startResponse(over: Partial<StartResponse> = {}): StartResponse {
  return {
    run_id: 'run-1', config: {}, yaml_path: '/tmp/gui_training_config.yaml', warnings: [],
    data: { format: 'messages', train_rows: 90, valid_rows: 10, test_rows: 0, split: 'auto 90/10 (seeded)' },
    lora_targets: { keys: null, resolved_keys: [], warnings: [], fallback: false, trainable_parameters: null, architecture: 'llama' },
    world_size: 1, effective_batch_size: 1, ...over,
  };
}
