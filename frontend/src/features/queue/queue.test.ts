import { describe, expect, it } from 'vitest';
import { parseApiError } from '../../app/errors';
import { unwrapConfigLocs } from './types';

describe('queue errors', () => {
  it('a 422 naming body.config.<field> lands on the form field', () => {
    const err = { status: 422, data: { detail: [
      { loc: ['body', 'config', 'warmup_steps'], msg: 'warmup_steps (10) must be fewer than the run\'s optimizer updates', type: 'value_error' },
      { loc: ['body', 'kind'], msg: "Input should be 'sft' or 'enhanced'", type: 'literal_error' },
    ] } };
    const { fieldErrors } = parseApiError(unwrapConfigLocs(err));
    expect(fieldErrors.warmup_steps).toContain('must be fewer');
    expect(fieldErrors.kind).toContain('sft');
    expect(fieldErrors.config).toBeUndefined();
  });

  it('leaves other errors alone', () => {
    const err = { status: 409, data: { detail: 'Queue item q-1 is running' } };
    expect(unwrapConfigLocs(err)).toBe(err);
  });
});
