import type { ReactNode } from 'react';
import type { SessionSummary } from '../../app/apiTypes';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { ReadinessBadge } from '../../components/StatusBadge';
import { LoraFacts, LossFacts, methodLabel } from './SessionFacts';

function HeaderCard({ title, badge, children, testId }: { title: string; badge: ReactNode; children: ReactNode; testId: string }) {
  return (
    <section data-testid={testId} aria-label={title} className="min-w-0 rounded-xl border border-slate-200 bg-white p-4 shadow-xs dark:border-slate-800 dark:bg-slate-900">
      <div className="flex items-start justify-between gap-2">
        <h2 className="text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">{title}</h2>
        {badge}
      </div>
      <div className="mt-2 space-y-1.5">{children}</div>
    </section>
  );
}

export function BaseModelCard({ session, modelAvailable }: { session: SessionSummary | null; modelAvailable: boolean | null }) {
  const badge = !session ? <Badge tone="neutral">No session</Badge>
    : modelAvailable === false ? <span data-testid="base-readiness" data-readiness="not_in_catalog"><Badge tone="warning" title="The model folder is not in the catalog (it may still load)">Not in catalog</Badge></span>
      : <span data-testid="base-readiness" data-readiness="ready"><Badge tone="success" title="The base model is available">Ready</Badge></span>;
  return (
    <HeaderCard title="Base model" badge={badge} testId="base-card">
      <p className="truncate text-base font-semibold" data-testid="base-model-name">{session?.model_name ?? '—'}</p>
      <p className="truncate font-mono text-xs text-slate-500 dark:text-slate-400" title={session?.model_path ?? undefined}>{session?.model_path ?? 'Load a session to choose the model.'}</p>
      <p className="text-xs text-slate-500 dark:text-slate-400">Answers with no adapter: the reference point.</p>
    </HeaderCard>
  );
}

export function AdapterCard({ session, onLoad }: { session: SessionSummary | null; onLoad: () => void }) {
  const action = <Button size="sm" variant={session ? 'ghost' : 'primary'} onClick={onLoad} testId="open-load-session">{session ? 'Change session' : 'Load session'}</Button>;
  if (!session) {
    return (
      <HeaderCard title="Fine-tuned adapter" badge={<Badge tone="neutral">None loaded</Badge>} testId="adapter-card">
        <p className="text-sm text-slate-600 dark:text-slate-300">Load a session to compare its adapter with the base model.</p>
        <div className="pt-1">{action}</div>
      </HeaderCard>
    );
  }
  return (
    <HeaderCard title="Fine-tuned adapter" badge={<ReadinessBadge readiness={session.readiness} testId="adapter-readiness" />} testId="adapter-card">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3">
        <p className="min-w-0 truncate text-base font-semibold" data-testid="adapter-session-name">{session.name || session.adapter_name || session.id}</p>
        <span className="text-xs text-slate-500 dark:text-slate-400">{methodLabel(session)}</span>
      </div>
      <LoraFacts s={session} testId="adapter-lora" />
      <LossFacts s={session} />
      {session.readiness === 'missing_files' && <p className="text-xs font-medium text-rose-600 dark:text-rose-400">The adapter files are missing on disk: generation and evaluation will fail.</p>}
      {session.readiness === 'running' && <p className="text-xs text-slate-500">Still training: answers use the latest saved adapter.</p>}
      <div className="pt-1">{action}</div>
    </HeaderCard>
  );
}
