import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { Provider } from 'react-redux';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App';
import { makeStore, type AppStore } from '../app/store';
import { installMockServer, type MockServer } from './mockServer';
import { setupApi } from '../features/setup/api';

vi.mock('../components/LineChart', () => ({
  LineChart: (p: { testId?: string; series: { points: unknown[] }[] }) => <div data-testid={p.testId} data-points={p.series.reduce((n, s) => n + s.points.length, 0)} />,
}));

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root;
let host: HTMLDivElement;
let store: AppStore;
let server: MockServer;

const $ = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
async function flush(ms = 50) {
  for (let i = 0; i < 5; i++) {
    await act(async () => {
      await new Promise((r) => setTimeout(r, ms / 5));
    });
  }
}
async function go(hash: string) {
  await act(async () => {
    window.location.hash = hash;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
  await flush();
}
function setValue(el: HTMLInputElement | HTMLSelectElement, value: string) {
  const proto = el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
  el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
}

beforeEach(async () => {
  window.loraStudio = { apiBase: 'http://127.0.0.1:8000' };
  server = installMockServer();
  store = makeStore({ ws: { createSocket: () => ({ close() {}, onopen: null, onmessage: null, onclose: null, onerror: null }) } });
  host = document.createElement('div');
  document.body.appendChild(host);
  window.location.hash = '#/setup';
  root = createRoot(host);
  await act(async () => {
    root.render(<Provider store={store}><App /></Provider>);
  });
  await flush(100);
});

afterEach(async () => {
  await act(async () => root.unmount());
  host.remove();
  vi.unstubAllGlobals();
  delete window.loraStudio;
});

describe('app smoke (jsdom, mocked API)', () => {
  it('renders the Setup tab with server defaults and the LoRA card', async () => {
    expect($('setup-page')).not.toBeNull();
    expect(($('lora-rank') as HTMLInputElement).value).toBe('32');
    expect(($('lora-alpha') as HTMLInputElement).value).toBe('32');
    expect(($('lora-dropout') as HTMLInputElement).value).toBe('0');
    expect(($('field-save_every') as HTMLInputElement).value).toBe('1000');
    expect(($('lora-coverage') as HTMLSelectElement).value).toBe('-1');
    expect($('lora-scale')!.textContent).toBe('1');
    for (const tab of ['setup', 'enhanced', 'training', 'compare', 'sessions']) expect($(`nav-${tab}`)).not.toBeNull();
  });

  it('blocks Start with inline errors, then starts a valid run and opens Training', async () => {
    await flush();
    // the catalog's only usable model (the other one is broken) is chosen already
    expect(($('model-select') as HTMLSelectElement).value).toBe('/models/demo-llama');
    await act(async () => $('start-button')!.click());
    await flush();
    expect($('field-error-model_path')).toBeNull();
    expect($('field-error-train_data_path')).not.toBeNull();
    await act(async () => setValue($('model-select') as HTMLSelectElement, ''));
    await flush();
    expect($('field-error-model_path')).not.toBeNull();

    await act(async () => setValue($('model-select') as HTMLSelectElement, '/models/demo-llama'));
    await flush();
    const options = Array.from(($('lora-coverage') as HTMLSelectElement).options).map((o) => o.textContent);
    expect(options).toEqual(['All layers (-1)', 'Top 3 layers', 'Top 2 layers', 'Top 1 layers']);
    expect($('lora-coverage-help')!.textContent).toMatch(/not a common depth/);
    await act(async () => setValue($('setup-dataset-select') as HTMLSelectElement, '/data/demo-sft/train.jsonl'));
    await act(async () => setValue($('lora-rank') as HTMLInputElement, '0'));
    await act(async () => setValue($('lora-dropout') as HTMLInputElement, '1'));
    await flush(500);
    expect($('field-error-lora_rank')!.textContent).toMatch(/positive/);
    // no estimate for an invalid rank (a number from the last valid rank would be stale)
    expect($('lora-trainable-params')!.textContent).toBe('—');
    expect($('lora-estimate-blocked')).not.toBeNull();
    expect($('field-error-lora_dropout')).not.toBeNull();
    expect($('setup-train-validation')?.dataset.state).toBe('ok');
    expect($('lora-target-keys')!.textContent).toContain('mlp.down_proj');

    await act(async () => setValue($('lora-rank') as HTMLInputElement, '16'));
    await act(async () => setValue($('lora-dropout') as HTMLInputElement, '0.05'));
    await act(async () => setValue($('lora-coverage') as HTMLSelectElement, '2'));
    expect($('lora-scale')!.textContent).toBe('2');

    server.override(({ method, path, body }) => method === 'POST' && path === '/training/start'
      ? { status: 201, body: { run_id: 'run-new', config: body, yaml_path: '/tmp/x.yaml', warnings: [], lora_targets: null } }
      : undefined);
    await act(async () => $('start-button')!.click());
    await flush(100);
    const post = server.calls.find((c) => c.path === '/training/start')!;
    expect(post.body).toMatchObject({
      model_path: '/models/demo-llama', train_data_path: '/data/demo-sft/train.jsonl', val_data_path: '/data/demo-sft/valid.jsonl',
      lora_rank: 16, lora_alpha: 32, lora_dropout: 0.05, lora_num_layers: 2, save_every: 1000, fine_tune_type: 'lora',
    });
    expect(window.location.hash).toBe('#/training');
    expect($('status-badge')?.dataset.state).toBe('starting');
    expect($('run-lora-rank')!.textContent).toBe('16');
    expect($('run-lora-scale')!.textContent).toBe('2');
  });

  it('maps a server 422 onto the fields and shows a notification', async () => {
    await act(async () => setValue($('model-select') as HTMLSelectElement, '/models/demo-llama'));
    await act(async () => setValue($('setup-dataset-select') as HTMLSelectElement, '/data/demo-sft/train.jsonl'));
    server.override(({ method, path }) => method === 'POST' && path === '/training/start'
      ? { status: 422, body: { detail: [{ loc: ['body', 'lora_alpha'], msg: 'Input should be less than or equal to 4096', type: 'x' }] } }
      : undefined);
    await act(async () => $('start-button')!.click());
    await flush(100);
    expect($('field-error-lora_alpha')!.textContent).toBe('Input should be less than or equal to 4096');
    expect($('toast-error')!.textContent).toContain('Could not start training');
    expect(window.location.hash).toBe('#/setup');
  });

  it('shows sessions and deletes one after confirmation', async () => {
    await go('#/sessions/run-a');
    expect($('session-row-run-a')).not.toBeNull();
    expect($('session-detail')).not.toBeNull();
    expect($('session-loss-chart')!.dataset.points).toBe('3');
    server.override(({ method, path }) => (method === 'DELETE' && path === '/sessions/run-a' ? { status: 204 } : undefined));
    await act(async () => $('session-delete')!.click());
    expect($('confirm-dialog')).not.toBeNull();
    await act(async () => $('confirm-ok')!.click());
    await flush(100);
    expect(server.calls.some((c) => c.method === 'DELETE' && c.path === '/sessions/run-a')).toBe(true);
    expect(window.location.hash).toBe('#/sessions');
  });

  it('copies a session config into Setup', async () => {
    await go('#/sessions/run-a');
    await act(async () => $('session-use-settings')!.click());
    await flush();
    expect(window.location.hash).toBe('#/setup');
    expect(($('lora-rank') as HTMLInputElement).value).toBe('16');
    expect(($('field-save_every') as HTMLInputElement).value).toBe('50');
    expect($('setup-origin')).not.toBeNull();
  });

  it('renders Enhanced Setup from /training/methods and switches methods', async () => {
    await go('#/enhanced');
    expect($('method-card-grpo')?.dataset.selected).toBe('true');
    await act(async () => ($('method-card-gspo')!.querySelector('input') as HTMLInputElement).click());
    expect($('method-card-gspo')?.dataset.selected).toBe('true');
    expect(store.getState().enhanced.draft?.importance_sampling_level).toBe('sequence');
    expect(store.getState().setup.draft).not.toHaveProperty('training_method');
    expect($('reward-fn-exact')).not.toBeNull();
  });

  it('retries the model list and offers a manual Retry while the server is not ready', async () => {
    let up = false;
    server.override(({ path }) => (path === '/models' && !up ? { status: 503, body: { detail: 'Model catalog is still loading' } } : undefined));
    await act(async () => {
      store.dispatch(setupApi.util.resetApiState());
    });
    await flush(200);
    expect($('models-error')!.textContent).toContain('Model catalog is still loading');
    expect($('toast-error')!.textContent).toContain('Could not load models');
    up = true;
    await act(async () => $('models-retry')!.click());
    await flush(200);
    expect($('models-error')).toBeNull();
    expect(document.querySelector('[data-testid="model-select"] option[value="/models/demo-llama"]')).not.toBeNull();
    const broken = document.querySelector<HTMLOptionElement>('[data-testid="model-select"] option[value="/models/broken"]')!;
    expect(broken.disabled).toBe(true);
    expect(broken.textContent).toContain('config.json unreadable');
  });

  it('shows the Training and Compare tabs without a run', async () => {
    await go('#/training');
    expect($('training-empty')).not.toBeNull();
    await go('#/compare');
    expect($('compare-page')).not.toBeNull();
    expect($('adapter-card')!.textContent).toContain('None loaded');
    expect(($('evaluate-button') as HTMLButtonElement).disabled).toBe(true);
    expect(($('generate-button') as HTMLButtonElement).disabled).toBe(true);
  });
});
