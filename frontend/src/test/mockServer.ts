import { vi } from 'vitest';
import type { DatasetInfo, ModelInfo, SessionDetail, SessionSummary, TrainingStatus } from '../app/apiTypes';
import { defaultsResponse, grpoMethod, gspoMethod } from './fixtures';

export const demoModel: ModelInfo = {
  name: 'demo-llama', path: '/models/demo-llama', model_type: 'llama', num_hidden_layers: 4, hidden_size: 256,
  vocab_size: 4096, quantized: null, size_bytes: 12_000_000, coverage_presets: [-1, 3, 2, 1], depth_is_standard: false, error: null,
  lora_targets: {
    keys: null, resolved_keys: ['self_attn.q_proj', 'self_attn.k_proj', 'self_attn.v_proj', 'self_attn.o_proj', 'mlp.gate_proj', 'mlp.up_proj', 'mlp.down_proj'],
    warnings: [], fallback: false, trainable_parameters: 1_234_567, architecture: 'llama',
  },
};

export const brokenModel: ModelInfo = { ...demoModel, name: 'broken', path: '/models/broken', error: 'config.json unreadable', lora_targets: undefined };

export const datasets: DatasetInfo[] = [
  { name: 'demo-sft', path: '/data/demo-sft', format: 'messages', rows: 200, kind: 'sft', splits: { train: '/data/demo-sft/train.jsonl', valid: '/data/demo-sft/valid.jsonl', test: null }, split_rows: { train: 180, valid: 20, test: 0 } },
  { name: 'demo-grpo', path: '/data/demo-grpo', format: 'grpo', rows: 100, kind: 'grpo', splits: { train: '/data/demo-grpo/train.jsonl', valid: null, test: null }, split_rows: { train: 100, valid: 0, test: 0 } },
];

export const idleStatus: TrainingStatus = { state: 'idle', run_id: null, kind: null, config: null, metrics: { step: null, total_steps: null, train_loss: null, val_loss: null, best_val_loss: null, best_step: null }, error: null, started_at: null };

export const sessionSummary: SessionSummary = {
  id: 'run-a', kind: 'sft', name: 'adapter-a', model_name: 'demo-llama', model_path: '/models/demo-llama', adapter_name: 'adapter-a',
  state: 'completed', error: null, created_at: 1_700_000_000, updated_at: 1_700_000_600, steps_completed: 100, total_steps: 100, final_train_loss: 1.2, final_val_loss: 1.4,
  best_val_loss: 1.35, best_step: 100, readiness: 'ready', has_best: false, legacy: false,
  lora: { rank: 16, alpha: 32, dropout: 0, num_layers: 2, scale: 2, fine_tune_type: 'lora' }, method: 'sft',
};

export const sessionDetail: SessionDetail = {
  ...sessionSummary,
  config: { ...defaultsResponse.defaults, model_path: '/models/demo-llama', train_data_path: '/data/demo-sft/train.jsonl', lora_rank: 16, lora_alpha: 32, lora_num_layers: 2, save_every: 50 },
  yaml: 'model: /models/demo-llama\nlora_parameters:\n  rank: 16\n',
  adapter_files: [{ name: 'adapters.safetensors', size_bytes: 2048 }],
  history: { train: [{ step: 50, train_loss: 2 }, { step: 100, train_loss: 1.2 }], val: [{ step: 100, val_loss: 1.4 }] },
  evaluations: [], lora_targets: demoModel.lora_targets ?? null, warnings: [],
  data: { format: 'messages', train_rows: 180, valid_rows: 20, test_rows: 0, split: 'given' },
};

type Handler = (req: { method: string; path: string; query: URLSearchParams; body: unknown }) => { status: number; body?: unknown } | undefined;

export interface MockServer {
  calls: { method: string; path: string; body: unknown }[];
  override: (h: Handler) => void;
}

/** Installs a fetch mock implementing the API contract with fixture data. */
export function installMockServer(): MockServer {
  const calls: MockServer['calls'] = [];
  let custom: Handler | null = null;
  const route: Handler = ({ method, path }) => {
    if (method === 'GET' && path === '/training/defaults') return { status: 200, body: defaultsResponse };
    if (method === 'GET' && path === '/training/status') return { status: 200, body: idleStatus };
    if (method === 'GET' && path === '/training/methods') return { status: 200, body: { methods: [grpoMethod, gspoMethod], reward_functions: [{ name: 'exact', description: 'Exact answer match' }, { name: 'format', description: 'Answer format' }] } };
    if (method === 'GET' && path === '/models') return { status: 200, body: [demoModel, brokenModel] };
    if (method === 'GET' && path === '/models/folders') return { status: 200, body: { folders: [{ path: '/models', source: 'demo', removable: false, exists: true }] } };
    if (method === 'GET' && path === '/models/targets') return { status: 200, body: demoModel.lora_targets };
    if (method === 'GET' && path === '/datasets') return { status: 200, body: datasets };
    if (method === 'POST' && path === '/datasets/validate') return { status: 200, body: { path: '/demo/train.jsonl', ok: true, source: 'jsonl', format: 'messages', trains_as: 'messages', mapping: null, columns: [], rows: 200, splits: { train: 200, valid: 0, test: 0 }, errors: [], error_count: 0, preview: [{ messages: [{ role: 'user', content: 'hi' }] }], rendered: null, token_stats: null } };
    if (method === 'GET' && path === '/sessions') return { status: 200, body: [sessionSummary] };
    if (method === 'GET' && path === '/sessions/run-a') return { status: 200, body: sessionDetail };
    if (method === 'GET' && path === '/training/logs') return { status: 200, body: { run_id: 'run-new', lines: ['starting'] } };
    if (method === 'GET' && path === '/sessions/loaded') return { status: 200, body: { session_id: null } };
    if (method === 'GET' && path.startsWith('/sessions/')) return { status: 404, body: { detail: 'No such session' } };
    return undefined;
  };
  vi.stubGlobal('fetch', vi.fn(async (input: Request | string) => {
    const req = typeof input === 'string' ? new Request(input) : input;
    const url = new URL(req.url);
    const text = req.method === 'GET' ? '' : await req.text();
    const body = text ? JSON.parse(text) : undefined;
    calls.push({ method: req.method, path: url.pathname, body });
    const args = { method: req.method, path: url.pathname, query: url.searchParams, body };
    const res = custom?.(args) ?? route(args) ?? { status: 404, body: { detail: `Not mocked: ${req.method} ${url.pathname}` } };
    return new Response(res.body === undefined ? null : JSON.stringify(res.body), {
      status: res.status, headers: { 'content-type': 'application/json' },
    });
  }));
  return { calls, override: (h) => { custom = h; } };
}
