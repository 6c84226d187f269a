import { describe, expect, it } from 'vitest';
import { STEP_INCREMENTS, tickLabels, valueRange } from './chartScales';
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

describe('y tick labels', () => {
  it('keeps small learning rates apart instead of rounding them to zero', () => {
    expect(tickLabels([0, 0.0002, 0.0004, 0.0006])).toEqual(['0', '2e-4', '4e-4', '6e-4']);
    expect(tickLabels([0.001, 0.0015, 0.002])).toEqual(['0.001', '0.0015', '0.002']);
  });

  it('uses plain numbers for losses and big numbers in exponent form', () => {
    expect(tickLabels([0.5, 1, 1.5, 2])).toEqual(['0.5', '1', '1.5', '2']);
    expect(tickLabels([1.25, 1.3, 1.35])).toEqual(['1.25', '1.3', '1.35']);
    expect(tickLabels([200000, 400000])).toEqual(['2e5', '4e5']);
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
