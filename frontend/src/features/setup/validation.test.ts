import { describe, expect, it } from 'vitest';
import { defaultsResponse } from '../../test/fixtures';
import { mergeTrainingConfig, type TrainingDraft } from '../training/trainingConfig';
import { validateLora, validateTrainingDraft } from './validation';
import { visibleErrors } from '../runForm/draftSlice';
import { initialSetupState } from './setupSlice';

const ctx = { limits: defaultsResponse.limits, required: defaultsResponse.required, modelDepth: 4 };
const valid = (): TrainingDraft => ({
  ...mergeTrainingConfig(defaultsResponse), model_path: '/models/demo', train_data_path: '/data/train.jsonl',
});

describe('LoRA field validation', () => {
  it('accepts the server defaults', () => {
    expect(validateTrainingDraft(valid(), ctx)).toEqual({});
  });

  it.each([0, -3, 1.5, Number.NaN, 513])('rejects rank %s', (rank) => {
    expect(validateTrainingDraft({ ...valid(), lora_rank: rank }, ctx)).toHaveProperty('lora_rank');
  });

  it.each([-1, 0, Number.NaN])('rejects alpha %s', (alpha) => {
    expect(validateTrainingDraft({ ...valid(), lora_alpha: alpha }, ctx).lora_alpha).toMatch(/greater than 0/);
  });

  it.each([1.5, 1.0, -0.1])('rejects dropout %s', (dropout) => {
    expect(validateTrainingDraft({ ...valid(), lora_dropout: dropout }, ctx).lora_dropout).toMatch(/below 1/);
  });

  it.each([0, 0.5, 0.05])('accepts dropout %s', (dropout) => {
    expect(validateTrainingDraft({ ...valid(), lora_dropout: dropout }, ctx)).not.toHaveProperty('lora_dropout');
  });

  it('requires a layer coverage to be chosen', () => {
    expect(validateTrainingDraft({ ...valid(), lora_num_layers: null }, ctx).lora_num_layers).toBe('Choose a layer coverage.');
  });

  it('accepts all layers (-1) and top-k within the model depth, rejects deeper or zero', () => {
    expect(validateLora({ ...valid(), lora_num_layers: -1 }, 4)).toEqual({});
    expect(validateLora({ ...valid(), lora_num_layers: 3 }, 4)).toEqual({});
    expect(validateLora({ ...valid(), lora_num_layers: 8 }, 4).lora_num_layers).toMatch(/only 4 layers/);
    expect(validateLora({ ...valid(), lora_num_layers: 0 }, 4)).toHaveProperty('lora_num_layers');
  });

  it('accepts rank and alpha that are positive (alpha may be fractional)', () => {
    expect(validateLora({ ...valid(), lora_rank: 1, lora_alpha: 0.5 })).toEqual({});
  });
});

describe('other fields', () => {
  it('requires the model and the training data', () => {
    const errors = validateTrainingDraft({ ...valid(), model_path: '', train_data_path: '  ' }, ctx);
    expect(errors.model_path).toBe('Choose a model.');
    expect(errors.train_data_path).toMatch(/training dataset/);
  });

  it('applies the server limits and integer types', () => {
    const errors = validateTrainingDraft(
      { ...valid(), batch_size: 0, iterations: 2.5, learning_rate: 0, adapter_name: 'bad name!', save_every: Number.NaN },
      ctx,
    );
    expect(errors.batch_size).toBe('Must be at least 1.');
    expect(errors.iterations).toBe('Enter a whole number.');
    expect(errors.learning_rate).toBe('Must be greater than 0.');
    expect(errors.adapter_name).toMatch(/letters, digits/);
    expect(errors.save_every).toBe('Enter a number.');
  });
});

describe('visibleErrors', () => {
  const errors = { lora_rank: 'bad rank', model_path: 'Choose a model.' };
  it('hides untouched client errors until Start is pressed', () => {
    expect(visibleErrors(errors, initialSetupState)).toEqual({});
    expect(visibleErrors(errors, { ...initialSetupState, touched: { lora_rank: true } })).toEqual({ lora_rank: 'bad rank' });
    expect(visibleErrors(errors, { ...initialSetupState, submitAttempted: true })).toEqual(errors);
  });
  it('always shows server errors', () => {
    expect(visibleErrors({}, { ...initialSetupState, serverErrors: { lora_alpha: 'from server' } })).toEqual({ lora_alpha: 'from server' });
  });
});
