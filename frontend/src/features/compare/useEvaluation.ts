import type { SessionDetail } from '../../app/apiTypes';
import { parseApiError } from '../../app/errors';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { useGetEvaluationQuery, useStartEvaluationMutation } from './api';
import { evaluationErrorDismissed, evaluationStarted, evaluationStartFailed } from './compareSlice';
import { isTerminal, type Checkpoint, type EvaluationStatus } from './types';

/**
 * The evaluation shown for the loaded session: the one this tab started, else the session's latest
 * (so results survive a reload). Progress arrives as `evaluation_progress` events (patched into the
 * cache by the compare listeners) with polling as the safety net while it runs.
 */
export function useEvaluation(sessionId: string | null, detail: SessionDetail | null, checkpoint: Checkpoint) {
  const dispatch = useAppDispatch();
  const { evaluation, evalSettings, evalStartError, dismissedEvalId } = useAppSelector((s) => s.compare);
  const latest = (detail?.evaluations as Partial<EvaluationStatus>[] | undefined)?.[0]?.id ?? null;
  const evaluationId = evaluation && evaluation.sessionId === sessionId ? evaluation.id : latest;
  const [start, startState] = useStartEvaluationMutation();
  const probe = useGetEvaluationQuery(evaluationId ?? '', { skip: !evaluationId });
  const status = probe.data?.id === evaluationId ? probe.data : undefined;
  const running = startState.isLoading || (!!status && !isTerminal(status.state));
  // Polling only while a job runs: events usually arrive first, this catches a missed one.
  useGetEvaluationQuery(evaluationId ?? '', { skip: !evaluationId || !running, pollingInterval: 1000 });

  const failed = status?.state === 'failed' && status.id !== dismissedEvalId ? status.error ?? 'The evaluation failed.' : null;
  const error = evalStartError ?? failed;

  const run = async () => {
    if (!sessionId || running) return;
    dispatch(evaluationErrorDismissed(null));
    try {
      const dataset = evalSettings.dataset_path?.trim();
      const res = await start({ session_id: sessionId, num_questions: evalSettings.num_questions, max_tokens: evalSettings.max_tokens, checkpoint,
        ...(dataset ? { dataset_path: dataset } : {}) }).unwrap();
      dispatch(evaluationStarted({ id: res.evaluation_id, sessionId }));
    } catch (err) {
      dispatch(evaluationStartFailed(parseApiError(err).message));
    }
  };

  return {
    status,
    running,
    starting: startState.isLoading,
    error,
    run,
    dismissError: () => dispatch(evaluationErrorDismissed(status?.state === 'failed' ? status.id : null)),
  };
}
