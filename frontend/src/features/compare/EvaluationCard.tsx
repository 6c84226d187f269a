import { useMemo } from 'react';
import type { SessionDetail } from '../../app/apiTypes';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Field } from '../../components/Field';
import { NumberInput, TextInput } from '../../components/inputs';
import { ProgressBar } from '../../components/ProgressBar';
import { fmtDate } from '../../components/format';
import { evalSettingsChanged } from './compareSlice';
import { SamplesTable } from './SamplesTable';
import { ScoreCards } from './ScoreCards';
import { pairScores, scoreSummary } from './scores';
import { useEvaluation } from './useEvaluation';
import type { Checkpoint, EvaluationStatus } from './types';

const PHASES: Record<string, string> = {
  queued: 'Queued', loading: 'Loading base model and adapter', nll: 'Scoring the reference answers (likelihood)',
  generating_base: 'Generating base answers', generating_adapter: 'Generating adapter answers', judging: 'Asking the LLM judge',
  done: 'Done', completed: 'Done', failed: 'Failed', running: 'Running',
};

function Progress({ status, starting }: { status: EvaluationStatus | undefined; starting: boolean }) {
  const state = starting ? 'queued' : status?.state ?? 'queued';
  const value = starting ? 0 : status?.progress ?? 0;
  const phase = starting ? 'queued' : status?.phase ?? 'queued';
  return (
    <div className="space-y-1.5" data-testid="evaluation-progress-panel" data-state={state}>
      <div className="flex justify-between gap-2 text-xs text-slate-600 dark:text-slate-300">
        <span data-testid="evaluation-phase">{PHASES[phase] ?? phase}</span>
        <span className="font-mono tabular-nums">{Math.round(value * 100)}%</span>
      </div>
      <ProgressBar value={value} label="Evaluation progress" testId="evaluation-progress" />
    </div>
  );
}

function Results({ status }: { status: EvaluationStatus }) {
  const result = status.result!;
  const pairs = useMemo(() => pairScores(result), [result]);
  const tally = scoreSummary(pairs);
  const total = tally.better + tally.worse + tally.same;
  return (
    <div className="space-y-4" data-testid="evaluation-results" data-evaluation-id={status.id}>
      <p className="text-sm" data-testid="evaluation-summary">
        <span className="font-semibold">Adapter better on {tally.better} of {total} scores</span>
        <span className="text-slate-500 dark:text-slate-400">
          {' '}· {result.num_samples} held-out samples ({result.split_used}) · {result.checkpoint ?? 'final'} checkpoint
          {result.timing?.total_seconds !== undefined ? ` · ${result.timing.total_seconds.toFixed(1)} s` : ''} · {fmtDate(status.updated_at)}
        </span>
      </p>
      {result.judge_error && <p className="text-xs text-amber-700 dark:text-amber-300">{result.judge_error}</p>}
      <ScoreCards pairs={pairs} />
      <SamplesTable samples={result.samples ?? []} />
    </div>
  );
}

/** "Evaluate Base vs Adapter": a background job on the session's held-out rows, then paired score cards. */
export function EvaluationCard({ sessionId, detail, checkpoint }: { sessionId: string | null; detail: SessionDetail | null; checkpoint: Checkpoint }) {
  const dispatch = useAppDispatch();
  const settings = useAppSelector((s) => s.compare.evalSettings);
  const ev = useEvaluation(sessionId, detail, checkpoint);
  const showProgress = ev.starting || !!ev.status;
  const disabledReason = !sessionId ? 'Load a session first.' : ev.running ? 'An evaluation is running.' : null;
  return (
    <Card id="evaluation" title="Evaluate Base vs Adapter" testId="evaluation-card"
      description="Held-out rows of the session's data: likelihood of each reference answer, and the greedy answers scored against it.">
      <div className="space-y-4">
        <div className="flex flex-wrap items-end gap-3">
          <Field id="eval-num_questions" name="num_questions" label="Questions" className="w-28">
            <NumberInput id="eval-num_questions" testId="eval-num-questions" value={settings.num_questions}
              onValueChange={(v) => Number.isFinite(v) && dispatch(evalSettingsChanged({ num_questions: Math.min(500, Math.max(1, Math.round(v))) }))} />
          </Field>
          <Field id="eval-max_tokens" name="eval_max_tokens" label="Max tokens per answer" className="w-40">
            <NumberInput id="eval-max_tokens" testId="eval-max-tokens" value={settings.max_tokens}
              onValueChange={(v) => Number.isFinite(v) && dispatch(evalSettingsChanged({ max_tokens: Math.min(4096, Math.max(1, Math.round(v))) }))} />
          </Field>
          <Field id="eval-dataset_path" name="dataset_path" label="Held-out JSONL (optional; imported adapters need one)" className="min-w-56 flex-1">
            <TextInput id="eval-dataset_path" testId="eval-dataset-path" value={settings.dataset_path ?? ''} placeholder="/path/to/held_out.jsonl"
              onValueChange={(v) => dispatch(evalSettingsChanged({ dataset_path: v }))} />
          </Field>
          <Button variant="primary" onClick={() => void ev.run()} disabled={!!disabledReason} loading={ev.starting} testId="evaluate-button">
            Evaluate Base vs Adapter
          </Button>
          {disabledReason && <span className="pb-2 text-xs text-slate-500 dark:text-slate-400" data-testid="evaluate-disabled-reason">{disabledReason}</span>}
        </div>
        {ev.error && <ErrorPanel title="Evaluation failed" message={ev.error} onDismiss={ev.dismissError} testId="evaluation-error" />}
        {showProgress && !(ev.status?.state === 'failed' && !ev.starting) && <Progress status={ev.status} starting={ev.starting} />}
        {ev.status?.state === 'completed' && ev.status.result && !ev.starting && <Results status={ev.status} />}
      </div>
    </Card>
  );
}
