/** Exports of a session's adapter (backend/schemas/exports.py). */
export type ExportFormat = 'mlx' | 'peft' | 'gguf';
export type ExportState = 'queued' | 'running' | 'completed' | 'error';

export interface Divergent {
  prompt: string;
  adapter: string;
  fused?: string;
  round_trip?: string;
  first_difference?: number;
}

/** What each format checked; fields present depend on the format (see backend/export/formats.py). */
export interface Verification {
  ok: boolean;
  kind: string;
  prompts?: number;
  identical?: number;
  divergent?: Divergent[];
  quantized_base?: number | null;
  dequantized?: boolean;
  note?: string;
  suggest_dequantize?: boolean;
  /** Quantized base: share of the LoRA update lost in the fused weights (relative error per module). */
  update_error?: { modules: number; mean_relative_error: number | null; max_relative_error: number | null };
  modules?: number;
  max_abs_diff?: number;
  tensors?: number;
  expected_tensors?: number;
  shapes_match?: boolean;
  empty_tensors?: string[];
  file?: string;
}

export interface ExportStatus {
  id: string;
  session_id: string;
  format: ExportFormat;
  name: string;
  path: string;
  state: ExportState;
  progress: number;
  phase: string;
  error: string | null;
  request: { format: ExportFormat; checkpoint: 'final' | 'best'; dequantize: boolean; name: string };
  verification: Verification | null;
  commands: Record<string, string> | null;
  files: { name: string; size_bytes: number }[] | null;
  created_at: number;
  updated_at: number;
}

export interface ExportRequest {
  format: ExportFormat;
  checkpoint: 'final' | 'best';
  dequantize?: boolean;
  name?: string;
}

export const FORMAT_LABELS: Record<ExportFormat, string> = {
  mlx: 'Fused MLX model (mlx_lm.load, mlx_lm.server, LM Studio MLX)',
  peft: 'Hugging Face PEFT adapter (transformers + peft, vLLM)',
  gguf: 'GGUF (llama.cpp, LM Studio, Ollama)',
};

export const COMMAND_LABELS: Record<string, string> = {
  mlx_lm_generate: 'Generate with the fused model',
  mlx_lm_server: 'Serve the fused model',
  mlx_lm_server_adapter: 'Serve the base with the unfused adapter',
  llama_cpp: 'llama.cpp',
  llama_server: 'llama.cpp server',
  ollama: 'Ollama',
  lm_studio: 'LM Studio',
  peft: 'transformers + PEFT',
};
