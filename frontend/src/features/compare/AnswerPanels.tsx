import type { ReactNode } from 'react';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { Badge } from '../../components/Badge';
import { RatingStars } from '../../components/RatingStars';
import { Spinner } from '../../components/Spinner';
import { fmtNumber } from '../../components/format';
import { CopyButton } from '../../components/CopyButton';
import { historyRated, type CurrentRun, type SideRun } from './compareSlice';
import type { Side } from './types';

const TITLES: Record<Side, string> = { base: 'Base model', adapter: 'Fine-tuned adapter' };

function AnswerPanel({ side, run, subtitle, footer }: { side: Side; run: SideRun; subtitle: string; footer?: ReactNode }) {
  const streaming = run.status === 'streaming';
  return (
    <section data-testid={`answer-${side}`} data-status={run.status} aria-label={`${TITLES[side]} answer`} aria-busy={streaming}
      className={`flex min-w-0 flex-col rounded-xl border bg-white shadow-xs dark:bg-slate-900 ${side === 'adapter' ? 'border-brand-200 dark:border-brand-900' : 'border-slate-200 dark:border-slate-800'}`}>
      <header className="flex items-center justify-between gap-2 border-b border-slate-100 px-4 py-2 dark:border-slate-800">
        <div className="min-w-0">
          <h3 className="text-sm font-semibold">{TITLES[side]}</h3>
          <p className="truncate text-xs text-slate-500 dark:text-slate-400">{subtitle}</p>
        </div>
        <CopyButton text={run.text} label={`Copy the ${side === 'base' ? 'base' : 'adapter'} answer`} testId={`copy-${side}`} />
      </header>
      <div className="min-h-24 flex-1 px-4 py-3">
        {run.error ? (
          <p role="alert" data-testid={`answer-${side}-error`} className="whitespace-pre-line text-sm text-rose-700 dark:text-rose-300">{run.error}</p>
        ) : (
          <p data-testid={`answer-${side}-text`} className="whitespace-pre-wrap break-words text-sm leading-relaxed">
            {run.text}
            {streaming && <span className="ml-0.5 inline-block h-4 w-1.5 animate-pulse bg-brand-500 align-text-bottom" aria-hidden />}
          </p>
        )}
        {streaming && !run.text && <p className="flex items-center gap-2 text-xs text-slate-500"><Spinner className="size-3.5" /> Loading the model and generating…</p>}
      </div>
      <footer className="flex flex-wrap items-center justify-between gap-2 border-t border-slate-100 px-4 py-2 text-xs text-slate-500 dark:border-slate-800 dark:text-slate-400">
        <span data-testid={`answer-${side}-stats`}>
          {run.status === 'done' ? `${run.tokens ?? 0} tokens · ${fmtNumber(run.tokensPerSec, 1)} tok/s${run.rawPrompt ? ' · raw prompt' : ''}` : run.status === 'stopped' ? 'Stopped' : streaming ? 'Streaming…' : ''}
        </span>
        {footer}
      </footer>
    </section>
  );
}

/** The two answers of the current comparison side by side (stacked on small screens). */
export function AnswerPanels({ run }: { run: CurrentRun }) {
  const dispatch = useAppDispatch();
  const entry = useAppSelector((s) => s.compare.history.find((h) => h.id === run.id));
  const differ = run.base.status === 'done' && run.adapter.status === 'done' && run.base.text.trim() !== run.adapter.text.trim();
  return (
    <div className="space-y-2" data-testid="answers" data-run-id={run.id}>
      <div className="flex flex-wrap items-center gap-2 text-xs text-slate-500 dark:text-slate-400">
        <span>{run.sessionName} · {run.checkpoint} checkpoint · temperature {run.settings.temperature} · top-p {run.settings.top_p} · max {run.settings.max_tokens} tokens</span>
        {run.base.status === 'done' && run.adapter.status === 'done' && (differ ? <Badge tone="brand">Answers differ</Badge> : <Badge tone="neutral">Same answer</Badge>)}
      </div>
      <div className="grid gap-3 md:grid-cols-2">
        <AnswerPanel side="base" run={run.base} subtitle="no adapter" />
        <AnswerPanel side="adapter" run={run.adapter} subtitle={`${run.checkpoint} checkpoint`}
          footer={entry && (
            <span className="flex items-center gap-1.5">
              <span>Rate</span>
              <RatingStars value={entry.rating} onChange={(rating) => dispatch(historyRated({ id: entry.id, rating }))} label="Rate the adapter answer" testId="rate-current" />
            </span>
          )} />
      </div>
    </div>
  );
}
