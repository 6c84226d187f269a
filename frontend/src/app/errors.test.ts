import { describe, expect, it } from 'vitest';
import { parseApiError } from './errors';

describe('parseApiError', () => {
  it('maps a pydantic 422 detail list onto fields', () => {
    const parsed = parseApiError({
      status: 422,
      data: { detail: [
        { loc: ['body', 'lora_rank'], msg: 'Input should be greater than or equal to 1', type: 'greater_than_equal' },
        { loc: ['body', 'lora_num_layers'], msg: 'Value error, layer coverage must be -1 (all layers) or a positive number of layers', type: 'value_error' },
        { loc: ['body'], msg: 'Field required', type: 'missing' },
      ] },
    });
    expect(parsed.fieldErrors).toEqual({
      lora_rank: 'Input should be greater than or equal to 1',
      lora_num_layers: 'layer coverage must be -1 (all layers) or a positive number of layers',
    });
    expect(parsed.message).toContain('lora_rank: Input should be greater than or equal to 1');
    expect(parsed.status).toBe(422);
  });

  it('maps dataset problems with line numbers onto the data path', () => {
    const parsed = parseApiError({
      status: 422,
      data: { detail: { message: 'Training data is not valid JSONL', errors: [{ line: 3, message: 'Expecting value' }] } },
    });
    expect(parsed.message).toBe('Training data is not valid JSONL\nline 3: Expecting value');
    expect(parsed.fieldErrors.train_data_path).toContain('line 3');
    const val = parseApiError({ status: 422, data: { detail: { message: 'Validation data file not found' } } });
    expect(Object.keys(val.fieldErrors)).toEqual(['val_data_path']);
  });

  it('passes string details through and explains an unreachable server', () => {
    expect(parseApiError({ status: 409, data: { detail: 'A run is already active' } }).message).toBe('A run is already active');
    expect(parseApiError({ status: 'FETCH_ERROR', error: 'TypeError: Failed to fetch' }).message).toMatch(/Cannot reach/);
    expect(parseApiError({ status: 500, data: 'Internal Server Error' }).message).toBe('Request failed (500).');
  });
});
