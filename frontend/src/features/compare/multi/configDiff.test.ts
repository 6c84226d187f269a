import { describe, expect, it } from 'vitest';
import { diffConfigs } from './configDiff';

describe('diffConfigs', () => {
  it('keeps only the shared fields that differ, with every session\'s value', () => {
    const diff = diffConfigs([
      { lora_rank: 8, learning_rate: 1e-4, model_path: '/m', keys: ['q'] },
      { lora_rank: 16, learning_rate: 1e-4, model_path: '/m', keys: ['q'] },
      { lora_rank: 8, learning_rate: 1e-4, model_path: '/m', keys: ['q', 'v'], seed: 3 },
    ]);
    expect(diff.rows).toEqual([
      { key: 'keys', values: ['["q"]', '["q"]', '["q","v"]'] },
      { key: 'lora_rank', values: ['8', '16', '8'] },
    ]);
    expect(diff.onlySome).toEqual(['seed']);
  });

  it('finds nothing to show for identical configs', () => {
    expect(diffConfigs([{ a: 1 }, { a: 1 }])).toEqual({ rows: [], onlySome: [] });
  });
});
