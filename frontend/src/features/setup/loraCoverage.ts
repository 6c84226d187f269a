import type { ModelInfo } from '../../app/apiTypes';

export interface CoverageOption {
  value: number;
  label: string;
}

/** "All layers (-1)" plus the model's top-k presets (and the current value if it is custom). */
export function coverageOptions(presets: readonly number[] | undefined, current: number | null): CoverageOption[] {
  const ks = new Set((presets ?? []).filter((p) => p > 0));
  if (current !== null && current > 0) ks.add(current);
  const known = new Set((presets ?? []).filter((p) => p > 0));
  return [
    { value: -1, label: 'All layers (-1)' },
    ...[...ks].sort((a, b) => b - a).map((k) => ({ value: k, label: `Top ${k} layers${known.has(k) ? '' : ' (custom)'}` })),
  ];
}

type ModelDepth = Pick<ModelInfo, 'num_hidden_layers' | 'depth_is_standard'> | undefined;

/** Helper text under Layer Coverage; it changes with the selection and for non-standard depths. */
export function coverageHelp(model: ModelDepth, layers: number | null): string[] {
  const depth = model?.num_hidden_layers ?? null;
  const lines: string[] = [];
  if (layers === null) lines.push('Choose how many transformer blocks get LoRA adapters.');
  else if (layers === -1 || (depth !== null && layers >= depth)) {
    lines.push(
      `Full-layer coverage: adapters on every linear module in ${depth ? `all ${depth}` : 'every'} transformer block${depth === 1 ? '' : 's'} — ` +
        'attention (q, k, v, o projections) and the MLP (gate, up, down), plus shared and routed experts on mixture-of-experts models. ' +
        'This tracks full fine-tuning most closely.',
    );
  } else {
    lines.push(
      `Only the top ${layers}${depth ? ` of ${depth}` : ''} blocks (those nearest the output) are adapted, with the same modules in each: ` +
        'fewer trainable parameters and less memory, but less capacity than full-layer coverage.',
    );
  }
  if (!model) lines.push('Select a model to see presets derived from its depth.');
  else if (model.depth_is_standard === false && depth) {
    lines.push(`This model has ${depth} layers, which is not a common depth, so the presets are fractions of ${depth}; "All layers" is the safe choice.`);
  }
  return lines;
}
