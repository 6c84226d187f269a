/** Shapes of /model/test* (inference) and /evaluation/* (see backend/schemas/inference.py). */

export type Checkpoint = 'final' | 'best';
export type Side = 'base' | 'adapter';

export interface GenerationSettings {
  max_tokens: number;
  temperature: number;
  top_p: number;
  checkpoint: Checkpoint;
  system: string;
  /** auto: the session's default (raw when it trained on plain text rows); chat: the chat template; raw: none. */
  prompt_mode: PromptMode;
}

export type PromptMode = 'auto' | 'chat' | 'raw';

export interface TestRequest {
  prompt: string;
  system?: string;
  max_tokens: number;
  temperature: number;
  top_p: number;
  session_id?: string;
  model_path?: string;
  checkpoint: Checkpoint;
  /** true: no chat template; absent: the session's default. */
  raw_prompt?: boolean;
}

export interface InferenceModelInfo {
  model_path: string;
  adapter_path: string | null;
  adapter_file: string | null;
  checkpoint: string | null;
  session_id: string | null;
  loaded_from_cache: boolean;
  load_seconds: number;
}

/** The `done` event of a stream (and the body of the non-streaming endpoints). */
export interface TestResponse {
  response: string;
  tokens: number;
  tokens_per_sec: number;
  prompt_tokens?: number;
  /** Whether the chat template was skipped, and the prompt as the model saw it. */
  raw_prompt?: boolean;
  prompt_text?: string;
  elapsed_seconds?: number;
  model_info?: InferenceModelInfo;
}

export type EvaluationState = 'queued' | 'running' | 'completed' | 'failed';

export interface SideAggregate {
  scores: Record<string, number | null>;
  mean_nll: number | null;
  perplexity: number | null;
  judged_samples?: number;
}

export interface SideSample {
  nll: number | null;
  perplexity: number | null;
  exact_match?: number | null;
  token_f1?: number | null;
  rouge_l?: number | null;
}

export interface EvaluationSample {
  question: string;
  reference: string;
  base_answer: string;
  adapter_answer: string;
  base: SideSample;
  adapter: SideSample;
  judge?: Record<string, unknown>;
}

export interface EvaluationResult {
  base: SideAggregate;
  adapter: SideAggregate;
  delta: Record<string, number | null>;
  samples: EvaluationSample[];
  num_samples: number;
  split_used: string;
  checkpoint: string | null;
  formulas?: Record<string, string>;
  timing?: Record<string, number>;
  judge?: { base_url: string; model: string; scored: number; failed: number };
  judge_error?: string;
}

export interface EvaluationStatus {
  id: string;
  session_id: string;
  state: EvaluationState;
  progress: number;
  phase: string;
  error: string | null;
  created_at: number;
  updated_at: number;
  request: { num_questions?: number; max_tokens?: number; checkpoint?: Checkpoint };
  result: EvaluationResult | null;
}

export interface EvaluationRequest {
  session_id: string;
  num_questions: number;
  max_tokens: number;
  checkpoint: Checkpoint;
  /** Held-out JSONL instead of the session's own rows (imported adapters have none). */
  dataset_path?: string;
}

export interface EvaluationStarted {
  evaluation_id: string;
  session_id: string;
  num_samples: number;
  split_used: string;
}

export const isTerminal = (s: EvaluationState | undefined) => s === 'completed' || s === 'failed';
