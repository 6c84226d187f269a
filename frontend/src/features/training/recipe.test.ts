import { describe, expect, it } from 'vitest';
import { iterationsForEpochs, plannedLearningRates, rateAtUpdate, trainingRows } from './recipe';

// The backend's runs (tests/e2e/test_recipe_runs.py) measure these same shapes from mlx-lm's events.
const base = { learning_rate: 1e-3, iterations: 10, lr_schedule: 'cosine', warmup_steps: 3, min_learning_rate: 1e-4, grad_accumulation_steps: 1 };

describe('planned learning rate', () => {
  it('warms up linearly from 0, peaks, and ends at the minimum on the last update', () => {
    const ys = plannedLearningRates(base).map((p) => p.y);
    expect(ys).toHaveLength(10);
    expect(ys.slice(0, 4)).toEqual([0, 1e-3 / 3, 2e-3 / 3, 1e-3].map((v) => expect.closeTo(v, 12)));
    expect(ys[4] ?? Number.NaN).toBeCloseTo(1e-3, 12);
    expect(ys[9] ?? Number.NaN).toBeCloseTo(1e-4, 12);
    for (let i = 5; i < 10; i++) expect(ys[i] ?? Number.NaN).toBeLessThan(ys[i - 1] ?? Number.NaN);
  });

  it('linear decay halves at the middle of its span; constant stays put', () => {
    const lin = { ...base, lr_schedule: 'linear', warmup_steps: 0, iterations: 11, min_learning_rate: 0 };
    expect(rateAtUpdate(lin, 5)).toBeCloseTo(5e-4, 12);
    expect(plannedLearningRates({ ...lin, lr_schedule: 'constant' }).every((p) => p.y === 1e-3)).toBe(true);
  });

  it('with accumulation the rate moves once per optimizer update', () => {
    const ys = plannedLearningRates({ ...base, lr_schedule: 'linear', warmup_steps: 0, grad_accumulation_steps: 2, min_learning_rate: 0 }).map((p) => p.y);
    expect(ys[0] ?? Number.NaN).toBe(1e-3); // before the first update
    expect(ys[1] ?? Number.NaN).toBe(ys[2]);
    expect(ys[9] ?? Number.NaN).toBeCloseTo(0, 12);
  });

  it('epochs become iterations the way the server computes them', () => {
    expect(iterationsForEpochs(2, 36, 4)).toBe(18);
    expect(iterationsForEpochs(0.5, 37, 4)).toBe(5);
    expect(trainingRows(36, true)).toBe(36);
    expect(trainingRows(25, false)).toBe(23); // round(2.5) = 2 in Python
    expect(trainingRows(36, false)).toBe(32);
  });
});
