import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { VerificationView } from './VerificationView';
import type { Verification } from './types';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
const $ = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`);

function render(v: Verification) {
  const el = document.createElement('div');
  document.body.appendChild(el);
  act(() => createRoot(el).render(<VerificationView v={v} />));
}

afterEach(() => { document.body.innerHTML = ''; });

describe('VerificationView', () => {
  it('shows identical answers in green', () => {
    render({ ok: true, kind: 'greedy', prompts: 4, identical: 4, divergent: [] });
    expect($('export-verdict')!.dataset.ok).toBe('true');
    expect($('export-verdict')!.textContent).toContain('4/4 answers identical');
    expect($('export-divergent')).toBeNull();
  });

  it('shows divergent answers side by side in red, with the quantization note', () => {
    render({
      ok: false, kind: 'greedy', prompts: 4, identical: 3, quantized_base: 4, suggest_dequantize: true,
      note: 'The base model is quantized (4-bit)…',
      divergent: [{ prompt: 'Capital of Veloria?', adapter: 'Mirth.', fused: 'Paris.', first_difference: 0 }],
    });
    expect($('export-verdict')!.dataset.ok).toBe('false');
    expect($('export-verdict')!.textContent).toContain('3/4 answers identical');
    const cells = [...$('export-divergent')!.querySelectorAll('tbody td')].map((td) => td.textContent);
    expect(cells).toEqual(['Capital of Veloria?', 'Mirth.', 'Paris.']);
    expect($('export-note')!.textContent).toContain('4-bit');
  });

  it('shows the GGUF read-back', () => {
    render({ ok: true, kind: 'gguf', tensors: 21, expected_tensors: 21, shapes_match: true, empty_tensors: [] });
    expect($('export-gguf-check')!.textContent).toContain('21/21 tensors, shapes match');
  });
});
