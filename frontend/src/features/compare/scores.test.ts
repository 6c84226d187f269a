import { describe, expect, it } from 'vitest';
import { deltaTone, formatDelta, pairScores, scoreSummary } from './scores';
import type { EvaluationResult } from './types';

const result: Pick<EvaluationResult, 'base' | 'adapter' | 'delta' | 'formulas'> = {
  base: { scores: { exact_match: 0, token_f1: 66.6667, rouge_l: 66.6667, nll_score: 0.4893, custom_metric: 10 }, mean_nll: 5.3199, perplexity: 204.36 },
  adapter: { scores: { exact_match: 0, token_f1: 72.2222, rouge_l: 60, nll_score: 46.5194, custom_metric: 12 }, mean_nll: 0.7653, perplexity: 2.1496 },
  delta: { exact_match: 0, token_f1: 5.5555, rouge_l: -6.6667, nll_score: 46.0301, mean_nll: -4.5546 },
  formulas: { custom_metric: 'a metric the UI does not know yet' },
};

describe('pairing of base and adapter scores', () => {
  it('pairs every metric in display order, with the reported delta', () => {
    const rows = pairScores(result);
    expect(rows.map((r) => r.key)).toEqual(['nll_score', 'token_f1', 'rouge_l', 'exact_match', 'custom_metric', 'mean_nll', 'perplexity']);
    expect(rows[1]).toMatchObject({ key: 'token_f1', label: 'Token F1', base: 66.6667, adapter: 72.2222, delta: 5.5555, tone: 'better', isScore: true });
    expect(rows.find((r) => r.key === 'custom_metric')).toMatchObject({ label: 'Custom metric', description: 'a metric the UI does not know yet', delta: 2, tone: 'better' });
  });

  it('colours deltas: higher-is-better scores, lower-is-better losses, ties', () => {
    const rows = Object.fromEntries(pairScores(result).map((r) => [r.key, r]));
    expect(rows.nll_score!.tone).toBe('better');
    expect(rows.rouge_l!.tone).toBe('worse');
    expect(rows.exact_match!.tone).toBe('same');
    expect(rows.mean_nll).toMatchObject({ delta: -4.5546, tone: 'better', isScore: false, unit: 'nats' });
    expect(rows.perplexity!.delta).toBeCloseTo(2.1496 - 204.36);
    expect(rows.perplexity!.tone).toBe('better');
    expect(scoreSummary(Object.values(rows))).toEqual({ better: 3, worse: 1, same: 1, unknown: 0 });
  });

  it('treats the judge hallucination score as lower-is-better, and missing sides as not comparable', () => {
    const rows = pairScores({
      base: { scores: { judge_hallucination: 40, judge_faithfulness: 50, token_f1: null }, mean_nll: null, perplexity: null },
      adapter: { scores: { judge_hallucination: 20, judge_faithfulness: 45, token_f1: 10 }, mean_nll: null, perplexity: null },
      delta: { judge_hallucination: -20, judge_faithfulness: -5 },
    });
    const byKey = Object.fromEntries(rows.map((r) => [r.key, r]));
    expect(byKey.judge_hallucination!.tone).toBe('better');
    expect(byKey.judge_faithfulness!.tone).toBe('worse');
    expect(byKey.token_f1).toMatchObject({ delta: null, tone: 'unknown' });
    expect(byKey.mean_nll).toBeUndefined();
  });

  it('formats and classifies deltas', () => {
    expect(formatDelta(46.0301)).toBe('+46.03');
    expect(formatDelta(-0.424)).toBe('−0.42');
    expect(formatDelta(0.0001)).toBe('±0');
    expect(formatDelta(null)).toBe('—');
    expect(deltaTone(1, true)).toBe('better');
    expect(deltaTone(1, false)).toBe('worse');
    expect(deltaTone(0, true)).toBe('same');
    expect(deltaTone(null, true)).toBe('unknown');
  });
});
