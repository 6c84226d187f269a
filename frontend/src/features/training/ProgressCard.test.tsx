import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyMetrics, initialLiveRunState, type LiveRunState } from './liveRunSlice';
import { ProgressCard } from './ProgressCard';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let host: HTMLDivElement | null = null;
afterEach(() => host?.remove());

function render(run: LiveRunState) {
  host = document.createElement('div');
  document.body.appendChild(host);
  const root = createRoot(host);
  act(() => root.render(<ProgressCard run={run} />));
  return (id: string) => host!.querySelector<HTMLElement>(`[data-testid="${id}"]`)!.textContent;
}

const finished = (over: Partial<LiveRunState>): LiveRunState => ({
  ...initialLiveRunState, runId: 'r', state: 'completed', startedAt: 1000, endedAt: 1075,
  metrics: { ...emptyMetrics(), step: 4, total_steps: 4, tokens_per_sec: 812.4, peak_mem_gb: 0.0123, learning_rate: 5e-4,
    trained_tokens: 5000, last_checkpoint_step: 4, reward: 0.75, kl: 0.01 },
  ...over,
});

describe('ProgressCard for a finished run', () => {
  it('shows its duration, memory in MB and the last checkpoint', () => {
    const text = render(finished({ kind: 'sft' }));
    expect(text('elapsed')).toBe('1m 15s');
    expect(text('metric-peak-mem')).toContain('12 MB');
    expect(text('metric-tokens-per-sec')).toContain('812.4');
    expect(text('metric-trained-tokens')).toContain('5.0K');
    expect(text('metric-last-checkpoint')).toContain('step 4');
  });

  it('says a GRPO-family run keeps no best checkpoint instead of showing one from its loss', () => {
    const text = render(finished({ kind: 'enhanced' }));
    expect(text('best-checkpoint')).toBe('—');
    expect(host!.querySelector('[data-testid="best-checkpoint"]')!.parentElement!.textContent).toMatch(/not kept for GRPO/);
    expect(text('metric-reward')).toContain('0.75 / 0.01');
  });
});
