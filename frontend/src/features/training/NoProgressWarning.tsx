import type { StallStatus } from '../../app/apiTypes';
import { useGetTrainingStatusQuery } from './api';
import { useNow } from './useRunData';

/** Seconds without a step, counted on from the last status the server sent. */
export function idleSeconds(stall: StallStatus, fetchedAt: number | undefined, now: number): number {
  return stall.idle_s + (fetchedAt !== undefined ? Math.max(0, now - fetchedAt) / 1000 : 0);
}

/** Whether the warning shows: past half the watchdog's allowance, after the first step. */
export function shouldWarn(stall: StallStatus | null | undefined, idle: number): stall is StallStatus {
  return !!stall && stall.beating && idle >= stall.warn_after_s;
}

/**
 * "No progress for N s": the stall watchdog's view of an active run, shown before it declares the
 * run stalled (then the run ends in error and the error banner takes over).
 */
export function NoProgressWarning({ runId }: { runId: string }) {
  const { data, fulfilledTimeStamp } = useGetTrainingStatusQuery(undefined, { pollingInterval: 2000 });
  const now = useNow(true);
  const stall = data?.run_id === runId && data.state === 'running' ? data.stall : null;
  if (!stall) return null;
  const idle = idleSeconds(stall, fulfilledTimeStamp, now);
  if (!shouldWarn(stall, idle)) return null;
  return (
    <div role="status" data-testid="no-progress" className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950/40 dark:text-amber-200">
      <p className="font-medium">No progress for {Math.floor(idle)} s</p>
      <p className="mt-1 text-xs">
        No training step has completed lately. After {Math.round(stall.timeout_s)} s without one the run is
        declared stalled and stopped; its last checkpoint is kept.
      </p>
    </div>
  );
}
