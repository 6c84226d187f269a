/** Exports of a session's adapter: aliases of the generated types (backend/schemas/exports.py). */
import type { components } from '../../app/generated/openapi';

type Schemas = components['schemas'];

export type ExportRequest = Schemas['ExportRequest'];
export type ExportFormat = ExportRequest['format'];
export type ExportStarted = Schemas['ExportStarted'];

export interface Divergent {
  prompt: string;
  adapter: string;
  fused?: string;
  round_trip?: string;
  first_difference?: number;
}

/** What each format checked; fields present depend on the format (see backend/export/formats.py);
 *  the schema declares it as an object, so its fields are written here. */
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

/** The server sends the request back as it stored it (every field set) and the verification as a
 *  free-form object whose fields depend on the format: typed here for the card. */
export type ExportStatus = Omit<Schemas['ExportStatus'], 'request' | 'verification'> & {
  request: Required<Omit<ExportRequest, 'name'>> & { name: string };
  verification: Verification | null;
};

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
