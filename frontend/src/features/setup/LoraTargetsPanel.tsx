import { useMemo } from 'react';
import type { LoraTargets, ModelInfo } from '../../app/apiTypes';
import { useDebounced } from '../../app/useDebounced';
import { Badge } from '../../components/Badge';
import { Spinner } from '../../components/Spinner';
import { fmtCompact, fmtInt } from '../../components/format';
import { useGetModelTargetsQuery } from './api';

export interface LoraTargetsPanelProps {
  model: ModelInfo | undefined;
  modelPath: string;
  rank: number | null;
  numLayers: number | null;
}

/** Resolved target modules, architecture warnings and the trainable-parameter estimate. */
export function LoraTargetsPanel({ model, modelPath, rank, numLayers }: LoraTargetsPanelProps) {
  const key = useDebounced(JSON.stringify({ path: modelPath, rank: rank ?? 0, num_layers: numLayers ?? -1 }), 300);
  const args = useMemo(() => JSON.parse(key) as { path: string; rank: number; num_layers: number }, [key]);
  const skip = !model || model.error !== null || !args.path || !(args.rank > 0) || numLayers === null;
  const { data, isFetching, isError } = useGetModelTargetsQuery(args, { skip });
  const targets: LoraTargets | undefined = (!skip && data) || model?.lora_targets || undefined;
  // An estimate is for a rank and a coverage: with either invalid, any number shown would be stale.
  const estimable = rank !== null && rank > 0 && numLayers !== null;
  if (!model) {
    return <p className="mt-4 text-xs text-slate-500 dark:text-slate-400" data-testid="lora-targets-empty">Choose a model to see which modules get adapters.</p>;
  }
  return (
    <div data-testid="lora-targets" className="mt-5 space-y-3 border-t border-slate-100 pt-4 dark:border-slate-800">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-sm font-semibold">Target modules</h3>
        <div className="flex items-center gap-2 text-xs">
          {isFetching && <Spinner className="size-3.5" label="Resolving targets" />}
          {targets?.architecture && <Badge tone="neutral">{targets.architecture}</Badge>}
          {targets?.fallback && <Badge tone="warning" testId="lora-fallback">fallback: all linear layers</Badge>}
        </div>
      </div>
      {targets ? (
        <>
          <ul className="flex flex-wrap gap-1.5" data-testid="lora-target-keys" aria-label="Resolved target modules">
            {(targets.resolved_keys ?? []).map((k) => <li key={k} className="chip">{k}</li>)}
            {(targets.resolved_keys ?? []).length === 0 && <li className="text-xs text-slate-500">Every linear module in each block (mlx-lm default).</li>}
          </ul>
          <p className="text-xs text-slate-600 dark:text-slate-300">
            Trainable parameters:{' '}
            <span data-testid="lora-trainable-params" className="font-mono font-semibold text-slate-900 dark:text-slate-100" title={estimable && targets.trainable_parameters != null ? fmtInt(targets.trainable_parameters) : undefined}>
              {estimable && targets.trainable_parameters != null ? `≈ ${fmtCompact(targets.trainable_parameters)}` : '—'}
            </span>
            {!estimable && <span className="ml-2 text-slate-500" data-testid="lora-estimate-blocked">(needs a valid rank and coverage)</span>}
            {isError && <span className="ml-2 text-rose-600">(could not refresh the estimate)</span>}
          </p>
          {targets.warnings?.length > 0 && (
            <ul data-testid="lora-warnings" className="space-y-1 rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-xs text-amber-900 dark:border-amber-900 dark:bg-amber-950/40 dark:text-amber-200">
              {targets.warnings.map((w) => <li key={w}>⚠ {w}</li>)}
            </ul>
          )}
        </>
      ) : (
        <p className="text-xs text-slate-500">{isFetching ? 'Resolving…' : 'Target modules are not available for this model.'}</p>
      )}
    </div>
  );
}
