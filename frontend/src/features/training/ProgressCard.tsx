import { Card } from '../../components/Card';
import { ProgressBar } from '../../components/ProgressBar';
import { Stat } from '../../components/Stat';
import { fmtCompact, fmtMemoryGb, fmtNumber } from '../../components/format';
import { formatDuration } from './runHistory';
import { isActive, runElapsedSeconds, type LiveRunState } from './liveRunSlice';
import { useNow } from './useRunData';

export function ProgressCard({ run }: { run: LiveRunState }) {
  const active = isActive(run.state);
  const now = useNow(active);
  const { step, total_steps: total } = run.metrics;
  const fraction = step !== null && total ? step / total : run.state === 'completed' ? 1 : null;
  const elapsed = runElapsedSeconds(run, now);
  const m = run.metrics;
  const enhanced = run.kind === 'enhanced';
  const lastCheckpoint = m.last_checkpoint_step ?? run.checkpoints[run.checkpoints.length - 1]?.step ?? null;
  const bestHint = enhanced && m.best_val_loss == null
    ? 'not kept for GRPO-family runs (their loss does not rank adapters)'
    : run.best ? `step ${run.best.step}${run.best.file ? ` · ${run.best.file.split('/').pop()}` : ''}` : m.best_step != null ? `step ${m.best_step}` : 'after the first validation';
  return (
    <Card id="progress" title="Progress" testId="progress-card">
      <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
        <span data-testid="progress-steps" className="font-mono tabular-nums">
          {step ?? 0} / {total ?? '—'} steps
          {fraction !== null && <span className="ml-2 text-slate-500">({Math.round(fraction * 100)}%)</span>}
        </span>
        <span className="text-xs text-slate-500 dark:text-slate-400">
          {active ? <>ETA <span data-testid="eta" className="font-mono">{formatDuration(m.eta_seconds)}</span> · </> : null}
          elapsed <span data-testid="elapsed" className="font-mono">{formatDuration(elapsed)}</span>
        </span>
      </div>
      <div className="mt-2">
        <ProgressBar value={fraction} label="Training progress" testId="progress-bar" indeterminate={run.state === 'starting' && !step} />
      </div>
      <dl className="mt-4 grid grid-cols-2 gap-2 sm:grid-cols-4">
        <Stat label="Train loss" value={fmtNumber(m.train_loss)} testId="metric-train-loss" />
        <Stat label="Val loss" value={fmtNumber(m.val_loss)} testId="metric-val-loss" />
        <Stat label="Tokens / s" value={fmtNumber(m.tokens_per_sec, 1)} hint={m.step_time != null ? `${fmtNumber(m.step_time, 2)} s / step` : m.it_per_sec != null ? `${fmtNumber(m.it_per_sec, 2)} it/s` : undefined} testId="metric-tokens-per-sec" />
        <Stat label="Peak memory" value={fmtMemoryGb(m.peak_mem_gb)} testId="metric-peak-mem" />
        <Stat label="Best checkpoint" value={m.best_val_loss != null ? fmtNumber(m.best_val_loss) : '—'} hint={bestHint} testId="best-checkpoint" />
        <Stat label="Learning rate" value={fmtNumber(m.learning_rate)} testId="metric-lr" />
        <Stat label="Trained tokens" value={fmtCompact(m.trained_tokens)} testId="metric-trained-tokens" />
        {enhanced ? (
          <Stat label="Reward / KL" value={`${fmtNumber(m.reward ?? null)} / ${fmtNumber(m.kl ?? null)}`} testId="metric-reward" />
        ) : (
          <Stat label="Last checkpoint" value={lastCheckpoint !== null ? `step ${lastCheckpoint}` : '—'} testId="metric-last-checkpoint" />
        )}
      </dl>
    </Card>
  );
}
