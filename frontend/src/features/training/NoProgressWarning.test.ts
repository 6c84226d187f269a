import { describe, expect, it } from 'vitest';
import { idleSeconds, shouldWarn } from './NoProgressWarning';

const stall = { idle_s: 3, timeout_s: 10, warn_after_s: 5, beating: true };

describe('NoProgressWarning', () => {
  it('counts on from the status it was given', () => {
    expect(idleSeconds(stall, 1_000, 3_500)).toBe(5.5);
    expect(idleSeconds(stall, undefined, 3_500)).toBe(3);
  });

  it('warns past half the allowance, only once steps have started', () => {
    expect(shouldWarn(stall, 4.9)).toBe(false);
    expect(shouldWarn(stall, 5)).toBe(true);
    expect(shouldWarn({ ...stall, beating: false }, 9)).toBe(false);
    expect(shouldWarn(null, 9)).toBe(false);
  });
});
