/**
 * Pairs base and adapter scores per metric for the score cards, with the delta's direction. Every
 * 0–100 score the backend reports today is higher-is-better except the judge's hallucination score;
 * mean NLL and perplexity (shown beside them) are lower-is-better.
 */
import type { EvaluationResult } from './types';

export type DeltaTone = 'better' | 'worse' | 'same' | 'unknown';

export interface MetricInfo {
  label: string;
  description: string;
  higherIsBetter: boolean;
  /** Unit shown after the values ('' for the 0–100 scores). */
  unit?: string;
}

export const METRICS: Record<string, MetricInfo> = {
  nll_score: { label: 'Likelihood score', description: '100 / perplexity of the reference answer given the prompt (teacher-forced): how expected the right answer is.', higherIsBetter: true },
  token_f1: { label: 'Token F1', description: 'Bag-of-tokens F1 of the greedy answer against the reference, ×100.', higherIsBetter: true },
  rouge_l: { label: 'ROUGE-L', description: 'Longest common token subsequence F-score of the greedy answer, ×100.', higherIsBetter: true },
  exact_match: { label: 'Exact match', description: '% of greedy answers equal to the reference (case and punctuation ignored).', higherIsBetter: true },
  judge_faithfulness: { label: 'Judge: faithfulness', description: 'LLM judge: the answer sticks to the reference facts (0–100).', higherIsBetter: true },
  judge_fact_recall: { label: 'Judge: fact recall', description: 'LLM judge: share of reference facts the answer recalls (0–100).', higherIsBetter: true },
  judge_consistency: { label: 'Judge: consistency', description: 'LLM judge: the answer does not contradict itself or the reference (0–100).', higherIsBetter: true },
  judge_hallucination: { label: 'Judge: hallucination', description: 'LLM judge: invented content (0–100) — lower is better.', higherIsBetter: false },
  mean_nll: { label: 'Mean NLL', description: 'Mean per-token negative log-likelihood of the reference answer (nats) — lower is better.', higherIsBetter: false, unit: 'nats' },
  perplexity: { label: 'Perplexity', description: 'exp(mean NLL) of the reference answer — lower is better.', higherIsBetter: false },
};

/** Display order: the headline scores first, judge scores after, unknown scores last (alphabetical). */
const ORDER = ['nll_score', 'token_f1', 'rouge_l', 'exact_match', 'judge_faithfulness', 'judge_fact_recall', 'judge_consistency', 'judge_hallucination'];

export interface ScorePair {
  key: string;
  label: string;
  description: string;
  higherIsBetter: boolean;
  unit: string;
  base: number | null;
  adapter: number | null;
  /** adapter − base */
  delta: number | null;
  tone: DeltaTone;
  /** True for the 0–100 scores; false for loss-style numbers (mean NLL, perplexity). */
  isScore: boolean;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Differences smaller than this are shown as "no change" (the backend rounds to 4 decimals). */
export const DELTA_EPSILON = 1e-3;

export function deltaTone(delta: number | null, higherIsBetter: boolean, epsilon = DELTA_EPSILON): DeltaTone {
  if (delta === null) return 'unknown';
  if (Math.abs(delta) < epsilon) return 'same';
  return delta > 0 === higherIsBetter ? 'better' : 'worse';
}

function infoFor(key: string, formulas?: Record<string, string>): MetricInfo {
  const known = METRICS[key];
  if (known) return known;
  const label = key.replace(/^judge_/, 'Judge: ').replace(/_/g, ' ');
  return { label: label.charAt(0).toUpperCase() + label.slice(1), description: formulas?.[key] ?? '', higherIsBetter: !/hallucinat|loss|nll|perplex|error/i.test(key) };
}

function pair(key: string, base: number | null, adapter: number | null, reported: number | null, isScore: boolean, formulas?: Record<string, string>): ScorePair {
  const info = infoFor(key, formulas);
  const delta = reported ?? (base !== null && adapter !== null ? adapter - base : null);
  return {
    key, label: info.label, description: info.description, higherIsBetter: info.higherIsBetter, unit: info.unit ?? '',
    base, adapter, delta, tone: deltaTone(delta, info.higherIsBetter), isScore,
  };
}

/** One row per metric either side reports, then mean NLL and perplexity. */
export function pairScores(result: Pick<EvaluationResult, 'base' | 'adapter' | 'delta' | 'formulas'>): ScorePair[] {
  const baseScores = result.base?.scores ?? {};
  const adapterScores = result.adapter?.scores ?? {};
  const keys = [...new Set([...Object.keys(baseScores), ...Object.keys(adapterScores)])];
  const rank = (k: string) => (ORDER.includes(k) ? ORDER.indexOf(k) : ORDER.length);
  keys.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const rows = keys.map((k) => pair(k, num(baseScores[k]), num(adapterScores[k]), num(result.delta?.[k]), true, result.formulas));
  rows.push(pair('mean_nll', num(result.base?.mean_nll), num(result.adapter?.mean_nll), num(result.delta?.mean_nll), false));
  rows.push(pair('perplexity', num(result.base?.perplexity), num(result.adapter?.perplexity), null, false));
  return rows.filter((r) => r.base !== null || r.adapter !== null);
}

/** "+5.56" / "−0.42" / "±0" with the given digits. */
export function formatDelta(delta: number | null, digits = 2): string {
  if (delta === null) return '—';
  if (Math.abs(delta) < DELTA_EPSILON) return '±0';
  const abs = Math.abs(delta).toFixed(digits);
  return delta > 0 ? `+${abs}` : `−${abs}`;
}

/** How many scores (0–100 ones) the adapter wins, loses or ties. */
export function scoreSummary(rows: ScorePair[]): Record<DeltaTone, number> {
  const out: Record<DeltaTone, number> = { better: 0, worse: 0, same: 0, unknown: 0 };
  for (const r of rows) if (r.isScore) out[r.tone] += 1;
  return out;
}
