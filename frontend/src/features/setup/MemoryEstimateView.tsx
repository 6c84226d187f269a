import { fmtBytes } from '../../components/format';
import { memoryShare, type MemoryEstimate } from './memoryEstimate';

const PARTS: [keyof MemoryEstimate['breakdown'], string][] = [
  ['weights', 'Weights'], ['lora_params', 'LoRA'], ['gradients', 'Gradients'], ['optimizer_state', 'Optimizer'], ['activations', 'Activations'],
];

/** Next to Start: the estimated peak against the available memory; amber above 80 %, red above 100 %. */
export function MemoryEstimateView({ estimate, loading }: { estimate: MemoryEstimate | undefined; loading: boolean }) {
  if (!estimate) {
    return <p className="mt-3 text-xs text-slate-500" data-testid="memory-estimate" data-verdict="">{loading ? 'Estimating memory…' : ''}</p>;
  }
  const share = memoryShare(estimate);
  const tone = estimate.verdict === 'too_big' ? 'text-rose-700 dark:text-rose-300' : estimate.verdict === 'tight' ? 'text-amber-700 dark:text-amber-300' : 'text-slate-600 dark:text-slate-300';
  return (
    <div className="mt-3 rounded-lg border border-slate-200 px-3 py-2 text-xs dark:border-slate-800" data-testid="memory-estimate" data-verdict={estimate.verdict}>
      <p className={`font-medium ${tone}`}>
        Peak memory ≈ {fmtBytes(estimate.peak_bytes)} of {fmtBytes(estimate.available_bytes)} available ({Math.round(share * 100)} %)
      </p>
      {estimate.verdict !== 'ok' && (
        <p className={tone} data-testid="memory-warning">
          {estimate.verdict === 'too_big' ? 'This run likely does not fit: lower the batch size, sequence length or rank, or turn on gradient checkpointing.' : 'Tight: above 80 % of the available memory.'}
        </p>
      )}
      <p className="mt-1 text-slate-500">
        {PARTS.map(([k, label]) => `${label} ${fmtBytes(estimate.breakdown[k])}`).join(' · ')} · {estimate.sequence_length} tokens/row
      </p>
    </div>
  );
}
