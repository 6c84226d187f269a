import { useEffect, useState } from 'react';
import { useAppSelector } from '../../app/hooks';
import { useGetSessionQuery } from '../sessions/api';
import { useGetTrainingLogsQuery } from './api';

/**
 * Back-fills the live run from the server: its metric history (GET /sessions/{id}) and the last
 * 200 log lines. Live events extend both; the slice merges overlaps by step / by line.
 */
export function useRunBackfill(runId: string | null) {
  const session = useGetSessionQuery(runId ?? '', { skip: !runId });
  const logs = useGetTrainingLogsQuery({ run_id: runId ?? '', tail: 200 }, { skip: !runId });
  return { session, logs };
}

/** A clock that ticks every second while `active` (elapsed time, ETA countdown). */
export function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [active]);
  return now;
}

export function useLiveRun() {
  return useAppSelector((s) => s.liveRun);
}
