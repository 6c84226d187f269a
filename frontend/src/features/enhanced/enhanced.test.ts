import { describe, expect, it } from 'vitest';
import { defaultsResponse, grpoMethod, gspoMethod } from '../../test/fixtures';
import { mergeEnhancedConfig, switchMethod } from './enhancedConfig';
import { toEnhancedConfig, validateEnhancedDraft } from './enhancedValidation';
import { paramKind } from './methodParams';

describe('enhanced config', () => {
  it('merges shared defaults (+ ui_overrides) with the method defaults', () => {
    const d = mergeEnhancedConfig(defaultsResponse, grpoMethod);
    // shared fields come from /training/defaults unless the method sets its own
    expect(d).toMatchObject({ training_method: 'grpo', max_seq_length: 2048, iterations: 1000, learning_rate: 1e-5, save_every: 25, group_size: 4, beta: 0.1, reward_functions: ['exact'], adapter_name: 'grpo-adapter' });
    expect(d.lora_rank).toBe(8);
  });

  it('switching method keeps the user\'s edits and takes the new method defaults and fixed values', () => {
    const d = { ...mergeEnhancedConfig(defaultsResponse, grpoMethod), model_path: '/m', iterations: 50, beta: 0.3 };
    const to = { ...gspoMethod, defaults: { ...gspoMethod.defaults, iterations: 100, beta: 0.1, temperature: 0.7 } };
    const s = switchMethod(d, grpoMethod, to);
    expect(s).toMatchObject({ training_method: 'gspo', model_path: '/m', iterations: 50, beta: 0.3, temperature: 0.7, importance_sampling_level: 'sequence' });
  });

  it('takes a loaded session config on top', () => {
    const d = mergeEnhancedConfig(defaultsResponse, grpoMethod, { group_size: 8, model_path: '/x', lora_rank: 4, reward_functions: ['exact'] });
    expect(d).toMatchObject({ group_size: 8, model_path: '/x', reward_functions: ['exact'], lora_rank: 4 });
  });

  it('validates method parameters against their bounds and integer type', () => {
    const d = { ...mergeEnhancedConfig(defaultsResponse, grpoMethod), model_path: '/m', train_data_path: '/t' };
    expect(validateEnhancedDraft(d, grpoMethod, defaultsResponse)).toEqual({});
    const bad = validateEnhancedDraft({ ...d, group_size: 1, beta: -1, temperature: 2.5, learning_rate: 0 }, grpoMethod, defaultsResponse);
    expect(bad).toEqual({ group_size: 'Must be at least 2.', beta: 'Must be at least 0.', temperature: 'Must be at most 2.', learning_rate: 'Must be greater than 0.' });
    expect(validateEnhancedDraft({ ...d, group_size: 2.5 }, grpoMethod, defaultsResponse).group_size).toBe('Enter a whole number.');
    expect(validateEnhancedDraft({ ...d, epsilon_high: Number.NaN }, grpoMethod, defaultsResponse).epsilon_high).toBe('Enter a number.');
    expect(validateEnhancedDraft({ ...d, reward_functions: [] }, grpoMethod, defaultsResponse).reward_functions).toMatch(/at least one/);
  });

  it('infers parameter kinds when the server sends no type', () => {
    const kinds = Object.fromEntries(grpoMethod.parameters.map((p) => [p.name, paramKind(p)]));
    expect(kinds).toMatchObject({ group_size: 'integer', epsilon_high: 'number', beta: 'number', temperature: 'number', learning_rate: 'number', reward_functions: 'list' });
  });

  it('builds the request body', () => {
    const d = { ...mergeEnhancedConfig(defaultsResponse, grpoMethod), model_path: ' /m ', train_data_path: '/t', val_data_path: '', reward_functions: ['a', 'b'], reward_weights: [1], reward_functions_file: '  ' };
    expect(toEnhancedConfig(d)).toMatchObject({ model_path: '/m', val_data_path: null, reward_weights: null, reward_functions_file: null });
  });
});
