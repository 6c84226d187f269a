import { describe, expect, it } from 'vitest';
import { defaultsResponse } from '../../test/fixtures';
import { loraScale, mergeTrainingConfig } from './trainingConfig';

describe('mergeTrainingConfig', () => {
  it('takes every value from the server defaults, then applies ui_overrides', () => {
    const draft = mergeTrainingConfig(defaultsResponse);
    expect(draft.lora_rank).toBe(32);
    expect(draft.lora_alpha).toBe(32);
    expect(draft.lora_dropout).toBe(0);
    expect(draft.lora_num_layers).toBe(-1);
    expect(draft.fine_tune_type).toBe('lora');
    expect(draft.save_every).toBe(1000); // ui_overrides wins over defaults.save_every = 25
    expect(draft.iterations).toBe(1000);
    expect(draft.model_path).toBe('');
    expect(draft.train_data_path).toBe('');
    expect(draft.val_data_path).toBeNull();
    // the SFT config carries no GRPO-family fields (the server refuses unknown fields)
    expect(draft).not.toHaveProperty('group_size');
    expect(draft).not.toHaveProperty('training_method');
  });

  it('follows the server when its defaults change (nothing hard-coded)', () => {
    const draft = mergeTrainingConfig({
      defaults: { ...defaultsResponse.defaults, lora_rank: 8, lora_alpha: 16 },
      ui_overrides: {},
    });
    expect(draft.lora_rank).toBe(8);
    expect(draft.lora_alpha).toBe(16);
    expect(draft.save_every).toBe(25);
  });

  it('lets a loaded session config win over defaults and overrides, dropping unknown keys', () => {
    const session = {
      model_path: '/models/demo', train_data_path: '/data/train.jsonl', lora_rank: 16, lora_alpha: 8,
      lora_num_layers: 8, save_every: 50, run_id: 'abc', yaml_path: '/x.yaml', lora_dropout: undefined,
    };
    const draft = mergeTrainingConfig(defaultsResponse, session);
    expect(draft).toMatchObject({
      model_path: '/models/demo', train_data_path: '/data/train.jsonl', lora_rank: 16, lora_alpha: 8,
      lora_num_layers: 8, save_every: 50, lora_dropout: 0, learning_rate: 1e-4,
    });
    expect(draft).not.toHaveProperty('run_id');
    expect(draft).not.toHaveProperty('yaml_path');
  });

  it('fills a legacy session lacking LoRA fields from the defaults', () => {
    const draft = mergeTrainingConfig(defaultsResponse, { model_path: '/m', train_data_path: '/t', iterations: 300 });
    expect(draft.lora_rank).toBe(32);
    expect(draft.lora_num_layers).toBe(-1);
    expect(draft.iterations).toBe(300);
    expect(draft.save_every).toBe(1000);
  });
});

describe('loraScale', () => {
  it('is alpha / rank', () => {
    expect(loraScale(32, 32)).toBe(1);
    expect(loraScale(16, 8)).toBe(2);
    expect(loraScale(32, 0)).toBeNull();
    expect(loraScale(Number.NaN, 8)).toBeNull();
  });
});
