import { useState } from 'react';
import { parseApiError } from '../../../app/errors';
import { Button } from '../../../components/Button';
import { ErrorPanel } from '../../../components/ErrorPanel';
import { ProgressBar } from '../../../components/ProgressBar';
import { fmtNumber } from '../../../components/format';
import { TextInput } from '../../../components/inputs';
import { useGetEvaluationQuery } from '../api';
import { deltaTone, formatDelta, METRICS } from '../scores';
import { isTerminal, type SideAggregate } from '../types';
import { useStartMultiEvaluationMutation } from './api';

const KEYS = ['nll_score', 'token_f1', 'rouge_l', 'exact_match'];

interface AdapterScores extends SideAggregate {
  session_id: string;
  delta: Record<string, number | null>;
}

const TONE_CLASS = { better: 'text-emerald-700 dark:text-emerald-300', worse: 'text-rose-700 dark:text-rose-300', same: 'text-slate-500', unknown: 'text-slate-400' };

function ScoreColumn({ title, agg, delta, testId }: { title: string; agg: SideAggregate; delta?: Record<string, number | null>; testId: string }) {
  return (
    <li className="rounded-xl border border-slate-200 p-3 dark:border-slate-800" data-testid={testId}>
      <h4 className="truncate text-sm font-semibold" title={title}>{title}</h4>
      <dl className="mt-2 space-y-1 text-xs">
        {[...KEYS, 'mean_nll'].map((k) => {
          const value = k === 'mean_nll' ? agg.mean_nll : agg.scores[k] ?? null;
          const d = delta?.[k] ?? null;
          const tone = deltaTone(d, METRICS[k]?.higherIsBetter ?? true);
          return (
            <div key={k} className="flex justify-between gap-2">
              <dt className="text-slate-500">{METRICS[k]?.label ?? k}</dt>
              <dd className="font-mono tabular-nums" data-testid={`${testId}-${k}`}>
                {fmtNumber(value, 2)}{delta && <span className={`ml-1 ${TONE_CLASS[tone]}`}>({formatDelta(d)})</span>}
              </dd>
            </div>
          );
        })}
      </dl>
    </li>
  );
}

/** One job scores the base once and each adapter on the same held-out rows; one score card each. */
export function MultiEvaluation({ sessionIds, names }: { sessionIds: string[]; names: Record<string, string> }) {
  const [evalId, setEvalId] = useState<string | null>(null);
  const [datasetPath, setDatasetPath] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [start, { isLoading }] = useStartMultiEvaluationMutation();
  const probe = useGetEvaluationQuery(evalId ?? '', { skip: !evalId });
  const running = !!probe.data && !isTerminal(probe.data.state);
  useGetEvaluationQuery(evalId ?? '', { skip: !evalId || !running, pollingInterval: 1000 });
  const status = probe.data?.id === evalId ? probe.data : undefined;
  const adapters = ((status?.result as unknown as { adapters?: AdapterScores[] } | null)?.adapters) ?? [];

  const run = async () => {
    setError(null);
    try {
      const res = await start({ session_ids: sessionIds, num_questions: 8, max_tokens: 32, checkpoint: 'final',
        ...(datasetPath.trim() ? { dataset_path: datasetPath.trim() } : {}) }).unwrap();
      setEvalId(res.evaluation_id);
    } catch (err) {
      setError(parseApiError(err).message);
    }
  };

  return (
    <div className="space-y-3" data-testid="multi-evaluation">
      <div className="flex flex-wrap items-end gap-2">
        <label className="min-w-64 flex-1 text-xs text-slate-600 dark:text-slate-300">Held-out dataset (optional; needed for imported adapters)
          <TextInput value={datasetPath} onValueChange={setDatasetPath} placeholder="/path/to/held_out.jsonl" testId="multi-dataset-path" />
        </label>
        <Button onClick={() => void run()} loading={isLoading || running} disabled={sessionIds.length < 1} testId="multi-evaluate">
          Evaluate all ({sessionIds.length + 1} models)
        </Button>
      </div>
      {error && <ErrorPanel title="Could not evaluate" message={error} onDismiss={() => setError(null)} testId="multi-eval-error" />}
      {running && status && <ProgressBar value={status.progress} label="Multi-adapter evaluation" testId="multi-eval-progress" />}
      {status?.state === 'failed' && <ErrorPanel title="The evaluation failed" message={status.error ?? ''} testId="multi-eval-failed" />}
      {status?.state === 'completed' && status.result && (
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" data-testid="multi-score-cards">
          <ScoreColumn title="Base model" agg={status.result.base} testId="multi-score-base" />
          {adapters.map((a, i) => <ScoreColumn key={a.session_id} title={names[a.session_id] ?? a.session_id} agg={a} delta={a.delta} testId={`multi-score-${i}`} />)}
        </ul>
      )}
    </div>
  );
}
