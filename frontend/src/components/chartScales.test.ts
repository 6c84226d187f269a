import { describe, expect, it } from 'vitest';
import { STEP_INCREMENTS, valueRange } from './chartScales';
import { fmtMemoryGb } from './format';

describe('step chart axes', () => {
  it('puts step ticks on whole numbers only', () => {
    expect(STEP_INCREMENTS.slice(0, 4)).toEqual([1, 2, 5, 10]);
    expect(STEP_INCREMENTS.every((i) => Number.isInteger(i) && i >= 1)).toBe(true);
  });

  it('gives an all-zero series a 0–1 axis, not 0–100', () => {
    expect(valueRange(0, 0)).toEqual([0, 1]);
  });

  it('gives a flat non-zero series a band around its value', () => {
    const [lo, hi] = valueRange(2, 2);
    expect(lo).toBeCloseTo(1.8);
    expect(hi).toBeCloseTo(2.2);
  });

  it('pads a varying series without crossing below zero for positive losses', () => {
    expect(valueRange(0.01, 3)).toEqual([0, 3 + 0.1495]);
    const [lo] = valueRange(1, 3);
    expect(lo).toBeCloseTo(0.9);
  });
});

describe('peak memory', () => {
  it('uses MB below 1 GB and GB above', () => {
    expect(fmtMemoryGb(0.0123)).toBe('12 MB');
    expect(fmtMemoryGb(0.0056)).toBe('5.6 MB');
    expect(fmtMemoryGb(0.456)).toBe('456 MB');
    expect(fmtMemoryGb(1.5)).toBe('1.5 GB');
    expect(fmtMemoryGb(null)).toBe('—');
  });
});
