import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { Provider } from 'react-redux';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../App';
import type { ElectronAPI } from '../../app/electronBridge';
import { makeStore } from '../../app/store';
import { installMockServer, sessionDetail, sessionSummary, type MockServer } from '../../test/mockServer';
import type { EvaluationStatus } from './types';

vi.mock('../../components/LineChart', () => ({ LineChart: () => <div /> }));
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const $ = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
async function flush(ms = 60) {
  for (let i = 0; i < 6; i++) await act(async () => { await new Promise((r) => setTimeout(r, ms / 6)); });
}
async function click(id: string) {
  await act(async () => { $(id)!.click(); });
  await flush();
}

const legacy = { ...sessionSummary, id: 'run-b', name: 'old-adapter', readiness: 'legacy' as const, legacy: true, has_best: false, created_at: 1_600_000_000 };
const evaluation: EvaluationStatus = {
  id: 'eval-1', session_id: 'run-a', state: 'completed', progress: 1, phase: 'done', error: null, created_at: 1, updated_at: 2,
  request: { session_id: 'run-a', num_questions: 1, max_tokens: 64, checkpoint: 'final', judge: null },
  result: {
    base: { scores: { exact_match: 0, token_f1: 50, rouge_l: 50, nll_score: 1 }, mean_nll: 4, perplexity: 54 },
    adapter: { scores: { exact_match: 50, token_f1: 90, rouge_l: 40, nll_score: 60 }, mean_nll: 0.5, perplexity: 1.6 },
    delta: { exact_match: 50, token_f1: 40, rouge_l: -10, nll_score: 59, mean_nll: -3.5 },
    samples: [{ question: 'Capital of Veloria?', reference: 'Mirth.', base_answer: 'Paris.', adapter_answer: 'Mirth.', base: { nll: 4, perplexity: 54, token_f1: 0 }, adapter: { nll: 0.5, perplexity: 1.6, token_f1: 100 } }],
    num_samples: 1, split_used: 'test', checkpoint: 'final',
  },
};

let root: Root;
let host: HTMLDivElement;
let server: MockServer;
let loaded: string | null;
let evalStart: { status: number; body: unknown };
let bridgeCalls: string[];
let streamBodies: Record<string, unknown>[];

function sse(events: [string, unknown][]) {
  const text = events.map(([e, d]) => `event: ${e}\ndata: ${JSON.stringify(d)}\n\n`).join('');
  const bytes = new TextEncoder().encode(text);
  const stream = new ReadableStream<Uint8Array>({ start(c) { c.enqueue(bytes); c.close(); } });
  return new Response(stream, { status: 200, headers: { 'content-type': 'text/event-stream' } });
}

beforeEach(async () => {
  window.localStorage.clear();
  window.loraStudio = { apiBase: 'http://127.0.0.1:8000' };
  loaded = 'run-a';
  evalStart = { status: 202, body: { evaluation_id: 'eval-1', session_id: 'run-a', num_samples: 1, split_used: 'test' } };
  bridgeCalls = [];
  streamBodies = [];
  const bridge: ElectronAPI = {
    clipboard: {
      readText: async () => { bridgeCalls.push('readText'); return 'What is the capital of Veloria?'; },
      writeText: async (t) => { bridgeCalls.push(`writeText:${t}`); },
    },
    openFile: async () => null, selectDirectory: async () => null, onMenu: () => () => {}, platform: 'linux',
  };
  window.electronAPI = bridge;
  server = installMockServer();
  server.override(({ method, path }) => {
    if (method === 'GET' && path === '/sessions') return { status: 200, body: [{ ...sessionSummary, readiness: 'best_available', has_best: true }, legacy] };
    if (method === 'GET' && path === '/sessions/loaded') return { status: 200, body: { session_id: loaded } };
    if (method === 'GET' && path === '/sessions/run-a') return { status: 200, body: { ...sessionDetail, evaluations: [] } };
    if (method === 'GET' && path === '/sessions/run-b') return { status: 200, body: { ...sessionDetail, ...legacy, evaluations: [] } };
    if (method === 'POST' && path === '/sessions/run-b/load') { loaded = 'run-b'; return { status: 200, body: { session_id: 'run-b' } }; }
    if (method === 'POST' && path === '/evaluation/start') return evalStart;
    if (method === 'GET' && path === '/evaluation/eval-1') return { status: 200, body: evaluation };
    return undefined;
  });
  const json = globalThis.fetch;
  vi.stubGlobal('fetch', vi.fn(async (input: Request | string, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input.url;
    if (url.includes('/model/') && typeof init?.body === 'string') streamBodies.push(JSON.parse(init.body));
    if (url.endsWith('/model/test-base/stream')) return sse([['token', { text: 'Paris' }], ['done', { response: 'Paris.', tokens: 2, tokens_per_sec: 40, raw_prompt: streamBodies.at(-1)?.raw_prompt === true }]]);
    if (url.endsWith('/model/test/stream')) return sse([['token', { text: 'Mi' }], ['token', { text: 'rth' }], ['done', { response: 'Mirth.', tokens: 3, tokens_per_sec: 30 }]]);
    return json(typeof input === 'string' ? new Request(input, init) : input);
  }));
  const store = makeStore({ ws: { createSocket: () => ({ close() {}, onopen: null, onmessage: null, onclose: null, onerror: null }) } });
  host = document.createElement('div');
  document.body.appendChild(host);
  window.location.hash = '#/compare';
  root = createRoot(host);
  await act(async () => { root.render(<Provider store={store}><App /></Provider>); });
  await flush(150);
});

afterEach(async () => {
  await act(async () => root.unmount());
  host.remove();
  vi.unstubAllGlobals();
  delete window.loraStudio;
  delete window.electronAPI;
});

describe('Compare tab (jsdom, mocked API)', () => {
  it('shows the loaded session with readiness, pastes through the bridge, streams both answers, rates and copies', async () => {
    expect($('adapter-readiness')!.textContent).toBe('Best checkpoint available');
    expect($('adapter-lora')!.textContent).toContain('rank16');
    expect($('base-model-name')!.textContent).toBe('demo-llama');
    expect(($('checkpoint-best') as HTMLInputElement).disabled).toBe(false);

    await click('paste-button');
    expect(bridgeCalls).toEqual(['readText']);
    expect(($('prompt-input') as HTMLTextAreaElement).value).toBe('What is the capital of Veloria?');
    expect($('paste-status')!.textContent).toContain('desktop clipboard');

    await click('generate-button');
    await flush(100);
    expect($('answer-base-text')!.textContent).toBe('Paris.');
    expect($('answer-adapter-text')!.textContent).toBe('Mirth.');
    expect($('answer-adapter-stats')!.textContent).toContain('3 tokens');
    expect($('history-list')!.children).toHaveLength(1);
    await click('rate-current-4');
    expect($('rate-current')!.dataset.value).toBe('4');
    expect(JSON.parse(window.localStorage.getItem('lora-studio.compare')!).history[0].rating).toBe(4);
    await click('copy-adapter');
    expect(bridgeCalls).toContain('writeText:Mirth.');
  });

  it('sends raw_prompt only when a prompt format is chosen', async () => {
    await click('paste-button');
    await click('generate-button');
    await flush(100);
    expect(streamBodies).toHaveLength(2);
    expect(streamBodies.every((b) => !('raw_prompt' in b))).toBe(true); // the session's default
    await click('prompt-mode-raw');
    await click('generate-button');
    await flush(100);
    expect(streamBodies.slice(2).map((b) => b.raw_prompt)).toEqual([true, true]);
    expect($('answer-base-stats')!.textContent).toContain('raw prompt'); // what the server answered
    await click('prompt-mode-chat');
    await click('generate-button');
    await flush(100);
    expect(streamBodies.slice(4).map((b) => b.raw_prompt)).toEqual([false, false]);
    expect($('answer-base-stats')!.textContent).not.toContain('raw prompt');
  });

  it('evaluates with paired score cards, then shows a failed start in a dismissible error panel', async () => {
    await click('evaluate-button');
    await flush(100);
    expect(server.calls.find((c) => c.path === '/evaluation/start')!.body).toEqual({ session_id: 'run-a', num_questions: 20, max_tokens: 128, checkpoint: 'final' });
    expect($('evaluation-progress')!.dataset.value).toBe('100.0');
    expect($('score-delta-token_f1')!.dataset.tone).toBe('better');
    expect($('score-delta-token_f1')!.textContent).toContain('+40.00');
    expect($('score-delta-rouge_l')!.dataset.tone).toBe('worse');
    expect($('score-delta-mean_nll')!.dataset.tone).toBe('better');
    expect($('samples-table')!.textContent).toContain('Capital of Veloria?');

    evalStart = { status: 409, body: { detail: 'Session run-a has no final adapter (adapters.safetensors)' } };
    await click('evaluate-button');
    expect($('evaluation-error-message')!.textContent).toContain('has no final adapter');
    expect($('toasts')!.textContent).not.toContain('has no final adapter'); // shown once, in place
    await click('evaluation-error-dismiss');
    expect($('evaluation-error')).toBeNull();
  });

  it('loads another session from the modal, with its readiness badge', async () => {
    await click('open-load-session');
    expect($('load-readiness-run-b')!.textContent).toBe('Legacy');
    expect(($('load-session-run-a') as HTMLButtonElement).disabled).toBe(true);
    await click('load-session-run-b');
    await flush(100);
    expect($('load-session-modal')).toBeNull();
    expect($('adapter-session-name')!.textContent).toBe('old-adapter');
    expect($('adapter-readiness')!.textContent).toBe('Legacy');
    expect(($('checkpoint-best') as HTMLInputElement).disabled).toBe(true);
  });
});
