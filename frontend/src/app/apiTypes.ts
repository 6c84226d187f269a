/** Shapes of the REST API (see SPEC §5 and the API contract). Server state lives in RTK Query. */

export type RunState = 'idle' | 'starting' | 'running' | 'stopping' | 'completed' | 'stopped' | 'error';
export type RunKind = 'sft' | 'enhanced';
export type DatasetKind = 'sft' | 'grpo';
export type Readiness = 'ready' | 'best_available' | 'running' | 'incomplete' | 'legacy' | 'missing_files';

export interface Health {
  status: 'ok';
  version: string;
  mlx_device: string;
}

export interface LoraTargets {
  keys: string[] | null;
  resolved_keys: string[];
  warnings: string[];
  fallback: boolean;
  trainable_parameters: number | null;
  architecture: string | null;
}

/** How a model is quantized; `description` as it is ("4-bit", "3/6-bit mixed", "mxfp4"). */
export interface Quantization {
  bits: number | null;
  group_size: number | null;
  mode: string | null;
  quant_method: string | null;
  mixed: boolean;
  layers_by_bits: Record<string, number>;
  description: string;
}

/** A folder the model catalog scans; `added` ones come from the Setup tab and can be removed there. */
export interface ModelFolder {
  path: string;
  source: 'added' | 'configured' | 'demo' | 'hf_cache';
  removable: boolean;
  exists: boolean;
}

export interface ModelInfo {
  name: string;
  path: string;
  model_type: string | null;
  num_hidden_layers: number | null;
  hidden_size: number | null;
  vocab_size: number | null;
  quantized: null | Quantization;
  size_bytes: number | null;
  coverage_presets: number[];
  depth_is_standard: boolean | null;
  error: string | null;
  lora_targets?: LoraTargets;
}

export interface DatasetInfo {
  name: string;
  path: string;
  format: string | null;
  rows: number | null;
  kind: DatasetKind;
  splits: { train: string | null; valid: string | null; test: string | null };
  /** For a source a run trained on (CSV, Parquet…): its kind and the column mapping it used. */
  source?: string;
  mapping?: DataMapping | null;
}

/** One dataset problem: a JSONL line or a table/array row (1-based), and the split when not train. */
export interface DatasetRowError {
  line?: number;
  row?: number;
  split?: string;
  message: string;
}

/** Target field (prompt, completion or answer, system) -> source column. */
export type DataMapping = Record<string, string>;

export interface RenderedRow {
  /** The row as the chat template renders it; `trained` marks the part the loss is taken on. */
  segments: { text: string; trained: boolean }[];
  tokens: number;
  trained_tokens: number;
  truncated: boolean;
}

export interface TokenStats {
  min: number;
  median: number;
  p95: number;
  max: number;
  measured_rows: number;
  max_seq_length: number | null;
  over_max_seq_length: number;
  histogram: { lo: number; hi: number; count: number }[];
}

/** POST /datasets/validate (backend/schemas/datasets.py). */
export interface DatasetValidation {
  path: string;
  ok: boolean;
  /** jsonl | json | csv | tsv | parquet | arrow | hf-dataset | hf-datasetdict | mlx-folder */
  source: string;
  /** The detected row format: messages, completions, text, alpaca, sharegpt, columns, grpo. */
  format: string;
  /** The mlx-lm row shape it trains as. */
  trains_as: string;
  mapping: DataMapping | null;
  columns: string[];
  rows: number;
  splits: { train: number; valid: number; test: number };
  errors: DatasetRowError[];
  error_count: number;
  preview: Record<string, unknown>[];
  rendered: RenderedRow[] | null;
  token_stats: TokenStats | null;
}

export interface DatasetValidationRequest {
  path: string;
  kind: DatasetKind;
  model_path?: string;
  max_seq_length?: number;
  mapping?: DataMapping | null;
}

export interface FieldLimits {
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  pattern?: string;
  minLength?: number;
  enum?: unknown[];
}

export type ConfigValue = string | number | boolean | null | string[] | number[];

export interface TrainingDefaultsResponse {
  defaults: Record<string, ConfigValue>;
  ui_overrides: Record<string, ConfigValue>;
  limits: Record<string, FieldLimits>;
  required: string[];
}

export interface RunMetrics {
  step: number | null;
  total_steps: number | null;
  train_loss: number | null;
  val_loss: number | null;
  best_val_loss: number | null;
  best_step: number | null;
  learning_rate: number | null;
  tokens_per_sec: number | null;
  it_per_sec: number | null;
  /** Seconds per optimizer step at the last report (added by hand until the types are generated). */
  step_time?: number | null;
  peak_mem_gb: number | null;
  trained_tokens: number | null;
  eta_seconds: number | null;
  reward?: number | null;
  reward_std?: number | null;
  kl?: number | null;
  /** Step of the newest checkpoint file (added by hand until the types are generated). */
  last_checkpoint_step?: number | null;
}

export interface TrainingStatus {
  state: RunState;
  run_id: string | null;
  kind: RunKind | null;
  config: Record<string, unknown> | null;
  metrics: Partial<RunMetrics> | null;
  error: string | null;
  started_at: number | null;
  /** When a finished run ended (elapsed = ended_at − started_at); added by hand until generated. */
  ended_at?: number | null;
  lora_targets?: LoraTargets | null;
  /** Optional: the newest stored event seq (lets the client detect a reset event log). */
  last_seq?: number | null;
  /** The stall watchdog of the active run: seconds without a completed step, and its limits. */
  stall?: StallStatus | null;
}

export interface StallStatus {
  idle_s: number;
  timeout_s: number;
  warn_after_s: number;
  /** False until the first step: the allowance then covers loading the model. */
  beating: boolean;
}

export interface StartResponse {
  run_id: string;
  config: Record<string, unknown>;
  yaml_path: string | null;
  warnings: string[];
  lora_targets?: LoraTargets | null;
}

export interface MethodParameter {
  name: string;
  /** Optional: when absent the kind is inferred from the default and the bounds. */
  type?: string;
  default: ConfigValue;
  description?: string;
  min?: number;
  max?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  choices?: (string | number)[] | null;
  /** Set by the method itself (e.g. GSPO's importance_sampling_level); shown read-only. */
  fixed?: boolean;
}

export interface TrainingMethod {
  id: 'grpo' | 'gspo' | 'dr_grpo';
  name: string;
  full_name: string;
  description: string;
  parameters: MethodParameter[];
  defaults: Record<string, ConfigValue>;
}

export interface RewardFunctionInfo {
  name: string;
  description: string;
}

export interface MethodsResponse {
  methods: TrainingMethod[];
  reward_functions: RewardFunctionInfo[];
}

export interface LogsResponse {
  run_id: string | null;
  lines: string[];
}

export interface SessionLora {
  rank: number | null;
  alpha: number | null;
  dropout: number | null;
  num_layers: number | null;
  scale: number | null;
  fine_tune_type?: string | null;
}

export interface SessionSummary {
  id: string;
  kind: RunKind;
  name: string;
  model_name: string | null;
  model_path: string | null;
  adapter_name: string | null;
  state: RunState;
  created_at: number;
  /** Added by hand until the types are generated. */
  ended_at?: number | null;
  steps_completed: number | null;
  total_steps: number | null;
  final_train_loss: number | null;
  final_val_loss: number | null;
  best_val_loss: number | null;
  readiness: Readiness;
  /** best_adapters.safetensors exists (Compare offers the best checkpoint). */
  has_best?: boolean;
  best_step?: number | null;
  legacy: boolean;
  lora: SessionLora | null;
  method?: string | null;
}

export interface TrainPoint {
  step: number;
  train_loss: number | null;
  learning_rate?: number | null;
  tokens_per_sec?: number | null;
  /** Added by hand until the types are generated. */
  step_time?: number | null;
  peak_mem_gb?: number | null;
  trained_tokens?: number | null;
  reward?: number | null;
  reward_std?: number | null;
  kl?: number | null;
}

export interface ValPoint {
  step: number;
  val_loss: number | null;
}

export interface SessionDetail extends SessionSummary {
  config: Record<string, unknown> | null;
  yaml: string | null;
  adapter_files: { name: string; size_bytes: number }[];
  history: { train: TrainPoint[]; val: ValPoint[] };
  evaluations: unknown[];
  lora_targets: LoraTargets | null;
  error: string | null;
  /** The last progress report's metrics and the newest checkpoint (added by hand until generated). */
  last_progress?: Partial<RunMetrics> | null;
  last_checkpoint_step?: number | null;
}

export interface ImportedSession {
  run_id: string;
  session_id: string | null;
  status: 'imported' | 'existing';
  kind: string;
  warnings: string[];
  note: string | null;
}

/** POST /sessions/import: run ids in the order given (an earlier import's id for a session seen before). */
export interface ImportResponse {
  imported: string[];
  sessions: ImportedSession[];
  warnings: string[];
  latest: string | null;
}

/** FastAPI error body. */
export interface PydanticErrorItem {
  loc: (string | number)[];
  msg: string;
  type?: string;
}
export interface DatasetErrorDetail {
  message: string;
  errors?: DatasetRowError[];
  field?: string;
  /** Set when the format could not be told: the source kind and its columns, to offer a mapping. */
  source?: string;
  columns?: string[];
}
export interface ApiErrorBody {
  detail: string | PydanticErrorItem[] | DatasetErrorDetail;
}

/** The run config's Distributed section (backend/schemas/distributed.py). */
export interface DistributedSettings {
  enabled: boolean;
  hosts: string[];
  hostfile: string | null;
  processes_per_host: number;
  backend: 'ring' | 'mpi';
  python: string | null;
  starting_port: number | null;
}

export interface DistributedRankReport {
  rank: number;
  host: string;
  reachable: boolean | null;
  error: string | null;
  hostname?: string | null;
}

/** POST /training/distributed/check: a tiny all-reduce on the chosen hosts, per-rank results. */
export interface DistributedCheckResult {
  ok: boolean;
  world_size: number;
  backend: string;
  ranks: DistributedRankReport[];
  timed_out: boolean;
  seconds: number;
  output_tail: string;
}
