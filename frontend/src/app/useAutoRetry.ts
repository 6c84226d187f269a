import { useCallback, useEffect, useState } from 'react';
import { backoffDelay } from '../features/events/backoff';

interface QueryLike {
  isError: boolean;
  isFetching: boolean;
  error?: unknown;
  refetch: () => unknown;
}

/** Whether a failure is worth retrying (server not up yet, or a 5xx), not a 4xx. */
export function isRetriable(error: unknown): boolean {
  const status = (error as { status?: unknown } | undefined)?.status;
  return status === 'FETCH_ERROR' || status === 'TIMEOUT_ERROR' || (typeof status === 'number' && status >= 500);
}

/**
 * Retries a failed RTK Query with exponential back-off (1 s, 2 s, 4 s … up to `maxAttempts`),
 * e.g. while the backend is still starting. `retryNow` is the manual Retry button.
 */
export function useAutoRetry(query: QueryLike, maxAttempts = 6) {
  const [attempt, setAttempt] = useState(0);
  const [nextRetryAt, setNextRetryAt] = useState<number | null>(null);
  const { isError, isFetching, error, refetch } = query;

  useEffect(() => {
    if (!isError) {
      if (!isFetching) setAttempt(0);
      setNextRetryAt(null);
      return;
    }
    if (isFetching || attempt >= maxAttempts || !isRetriable(error)) {
      setNextRetryAt(null);
      return;
    }
    const wait = backoffDelay(attempt, 1000, 30_000);
    setNextRetryAt(Date.now() + wait);
    const t = setTimeout(() => {
      setAttempt((a) => a + 1);
      refetch();
    }, wait);
    return () => clearTimeout(t);
  }, [isError, isFetching, attempt, maxAttempts, error, refetch]);

  const retryNow = useCallback(() => {
    setAttempt(0);
    refetch();
  }, [refetch]);

  return { attempt, nextRetryAt, retryNow, gaveUp: isError && !isFetching && attempt >= maxAttempts };
}
