import { useState } from 'react';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/Dialog';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { StatusBadge } from '../../components/StatusBadge';
import { useStopTrainingMutation } from './api';
import { isActive } from './liveRunSlice';
import { LogViewer } from './LogViewer';
import { NoProgressWarning } from './NoProgressWarning';
import { ProgressCard } from './ProgressCard';
import { RunCharts } from './RunCharts';
import { RunConfigCard } from './RunConfigCard';
import type { ReactNode } from 'react';
import { useLiveRun, useRunBackfill } from './useRunData';

/** Stop; while the run is stopping (saving its adapter, up to the stop timeout) it stays disabled with a spinner. */
function StopButton({ stopping }: { stopping: boolean }) {
  const [stop, { isLoading }] = useStopTrainingMutation();
  const [confirm, setConfirm] = useState(false);
  return (
    <>
      <Button variant="danger" onClick={() => setConfirm(true)} loading={isLoading || stopping} disabled={stopping} testId="stop-button">
        {stopping ? 'Stopping…' : 'Stop'}
      </Button>
      <ConfirmDialog
        open={confirm}
        title="Stop training?"
        confirmLabel="Stop training"
        danger
        onCancel={() => setConfirm(false)}
        onConfirm={() => {
          setConfirm(false);
          void stop();
        }}
      >
        The current adapter is saved and the run can be resumed later from the Sessions tab.
      </ConfirmDialog>
    </>
  );
}

/** Training tab: live status of the current (or last) run. */
/** `queue`: the run queue's panel (mounted by the app: the queue feature builds on this one). */
export function TrainingPage({ queue }: { queue?: ReactNode }) {
  const run = useLiveRun();
  useRunBackfill(run.runId);
  const active = isActive(run.state);

  if (!run.runId) {
    return (
      <div className="space-y-5" data-testid="training-page">
        <PageHeader title="Training" />
        <EmptyState title="No training run yet" testId="training-empty" action={<a href="#/setup" className="font-medium text-brand-600 hover:underline dark:text-brand-400">Go to Setup →</a>}>
          Start a run from the Setup or Enhanced Setup tab; its progress, loss curves and log appear here live.
        </EmptyState>
        {queue}
      </div>
    );
  }

  return (
    <div className="space-y-5" data-testid="training-page" data-run-id={run.runId}>
      <PageHeader
        title="Training"
        subtitle={<span className="font-mono text-xs" data-testid="run-id">{run.runId}</span>}
        actions={
          <>
            <StatusBadge state={run.state} />
            {run.kind && <span className="text-xs text-slate-500">{run.kind === 'enhanced' ? String(run.config?.training_method ?? 'enhanced').toUpperCase() : 'SFT'}</span>}
            {active && <StopButton stopping={run.state === 'stopping'} />}
          </>
        }
      />
      {run.error && (
        <div role="alert" data-testid="run-error" className="rounded-lg border border-rose-200 bg-rose-50 px-4 py-3 text-sm text-rose-800 dark:border-rose-900 dark:bg-rose-950/40 dark:text-rose-200">
          <p className="font-medium">The run failed</p>
          <p className="mt-1 whitespace-pre-wrap break-words font-mono text-xs">{run.error}</p>
        </div>
      )}
      {run.completed?.early_stopped && (
        <p className="rounded-lg bg-sky-50 px-4 py-2 text-xs text-sky-800 dark:bg-sky-950/40 dark:text-sky-200" data-testid="early-stopped">
          Stopped early: validation loss did not improve for the configured patience. The best adapter is kept separately.
        </p>
      )}
      {active && <NoProgressWarning runId={run.runId} />}
      <ProgressCard run={run} />
      {queue}
      <RunCharts train={run.train} val={run.val} enhanced={run.kind === 'enhanced'} config={run.config} />
      <div className="grid grid-cols-1 gap-5 xl:grid-cols-2">
        <RunConfigCard config={run.config} loraTargets={run.loraTargets} kind={run.kind} />
        <LogViewer lines={run.logs} />
      </div>
    </div>
  );
}
