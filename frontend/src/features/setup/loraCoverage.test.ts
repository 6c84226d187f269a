import { describe, expect, it } from 'vitest';
import { coverageHelp, coverageOptions } from './loraCoverage';

describe('layer coverage options', () => {
  it('offers All layers (-1) plus the model presets, largest first', () => {
    expect(coverageOptions([-1, 24, 16, 8], -1).map((o) => o.label)).toEqual(['All layers (-1)', 'Top 24 layers', 'Top 16 layers', 'Top 8 layers']);
  });
  it('keeps a custom value from a loaded session visible', () => {
    expect(coverageOptions([-1, 3, 2, 1], 12).map((o) => o.value)).toEqual([-1, 12, 3, 2, 1]);
    expect(coverageOptions([-1, 3], 12)[1]!.label).toBe('Top 12 layers (custom)');
  });
  it('has only All layers without a model', () => {
    expect(coverageOptions(undefined, -1)).toEqual([{ value: -1, label: 'All layers (-1)' }]);
  });
});

describe('coverage helper text', () => {
  it('explains full-layer coverage (attention + MLP in every block)', () => {
    const text = coverageHelp({ num_hidden_layers: 32, depth_is_standard: true }, -1).join(' ');
    expect(text).toMatch(/all 32 transformer blocks/);
    expect(text).toMatch(/attention/);
    expect(text).toMatch(/MLP/);
  });
  it('changes for top-k and for a non-standard depth', () => {
    expect(coverageHelp({ num_hidden_layers: 32, depth_is_standard: true }, 8).join(' ')).toMatch(/top 8 of 32/);
    const odd = coverageHelp({ num_hidden_layers: 4, depth_is_standard: false }, -1);
    expect(odd).toHaveLength(2);
    expect(odd[1]).toMatch(/not a common depth/);
  });
});
