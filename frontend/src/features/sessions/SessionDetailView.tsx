import { useState } from 'react';
import type { SessionDetail } from '../../app/apiTypes';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { ConfirmDialog } from '../../components/Dialog';
import { Stat } from '../../components/Stat';
import { ReadinessBadge, StatusBadge } from '../../components/StatusBadge';
import { fmtBytes, fmtDate, fmtNumber } from '../../components/format';
import { ExportCard } from '../export/ExportCard';
import { LossChart } from '../training/RunCharts';
import { RunConfigView } from '../training/RunConfigCard';
import { ACTIVE_RUN_STATES, loadBlockedReason } from './loadable';
import { useSessionActions } from './useSessionActions';

const RESUMABLE = new Set(['stopped', 'error']);

function Actions({ session }: { session: SessionDetail }) {
  const a = useSessionActions(session);
  const [confirm, setConfirm] = useState(false);
  const active = ACTIVE_RUN_STATES.has(session.state);
  const blocked = loadBlockedReason(session);
  return (
    <div className="flex flex-wrap gap-2">
      <Button size="sm" variant="primary" onClick={a.onLoad} loading={a.loading} disabled={!!blocked} title={blocked ?? undefined} testId="session-load">Load</Button>
      {a.loaded && (
        <a href="#/compare" data-testid="session-open-compare" className="inline-flex h-8 items-center rounded-lg px-3 text-xs font-medium text-brand-700 hover:bg-brand-50 dark:text-brand-300 dark:hover:bg-brand-900/30">Open in Compare →</a>
      )}
      {RESUMABLE.has(session.state) && (
        <Button size="sm" onClick={a.onResume} loading={a.resuming} testId="session-resume">Resume</Button>
      )}
      <Button size="sm" onClick={a.onUseSettings} disabled={!a.canUseSettings} testId="session-use-settings">
        Use settings in {session.kind === 'enhanced' ? 'Enhanced Setup' : 'Setup'}
      </Button>
      <Button size="sm" variant="ghost" className="text-rose-600 dark:text-rose-400" onClick={() => setConfirm(true)} disabled={active} title={active ? 'Stop the run before deleting it.' : undefined} testId="session-delete">Delete</Button>
      {blocked && <p className="basis-full text-xs text-slate-500 dark:text-slate-400" data-testid="session-load-blocked">{blocked}</p>}
      <ConfirmDialog
        open={confirm}
        title="Delete this session?"
        confirmLabel="Delete"
        danger
        busy={a.deleting}
        onCancel={() => setConfirm(false)}
        onConfirm={async () => {
          const ok = await a.onDelete();
          if (ok) setConfirm(false);
        }}
      >
        <p><span className="font-medium">{session.name}</span> and its adapter files will be removed from disk. This cannot be undone.</p>
      </ConfirmDialog>
    </div>
  );
}

export function SessionDetailView({ session }: { session: SessionDetail }) {
  return (
    <div className="space-y-5" data-testid="session-detail" data-session-id={session.id}>
      <Card
        id="session-head"
        title={<span className="break-all">{session.name}</span>}
        description={<span className="font-mono">{session.id}</span>}
        actions={<div className="flex gap-1.5"><StatusBadge state={session.state} testId="session-detail-state" /><ReadinessBadge readiness={session.readiness} testId="session-detail-readiness" /></div>}
      >
        <Actions session={session} />
        <dl className="mt-4 grid grid-cols-2 gap-2 sm:grid-cols-4">
          <Stat label="Steps" value={`${session.steps_completed ?? 0}/${session.total_steps ?? '—'}`} />
          <Stat label="Final train loss" value={fmtNumber(session.final_train_loss)} />
          <Stat label="Final val loss" value={fmtNumber(session.final_val_loss)} />
          <Stat label="Best val loss" value={fmtNumber(session.best_val_loss)} />
        </dl>
        <p className="mt-3 text-xs text-slate-500 dark:text-slate-400">
          {session.model_name ?? session.model_path ?? '—'} · created {fmtDate(session.created_at)}{session.legacy ? ' · imported legacy session' : ''}
        </p>
        {session.error && <p role="alert" className="mt-3 rounded-lg bg-rose-50 px-3 py-2 font-mono text-xs text-rose-800 dark:bg-rose-950/40 dark:text-rose-200">{session.error}</p>}
      </Card>
      <Card id="session-metrics" title="Metrics" testId="session-metrics">
        <LossChart train={session.history?.train ?? []} val={session.history?.val ?? []} testId="session-loss-chart" height={200} />
      </Card>
      <Card id="session-config" title="Configuration" testId="session-config">
        {session.config ? <RunConfigView config={session.config} loraTargets={session.lora_targets} kind={session.kind} /> : <p className="text-xs text-slate-500">No configuration stored.</p>}
      </Card>
      <Card id="session-files" title="Adapter files">
        {session.adapter_files?.length ? (
          <ul className="space-y-1 text-xs" data-testid="session-adapter-files">
            {session.adapter_files.map((f) => (
              <li key={f.name} className="flex justify-between gap-3 font-mono"><span className="truncate">{f.name}</span><span className="shrink-0 text-slate-500">{fmtBytes(f.size_bytes)}</span></li>
            ))}
          </ul>
        ) : <p className="text-xs text-slate-500">No adapter files.</p>}
      </Card>
      <ExportCard session={session} />
      {session.yaml && (
        <Card id="session-yaml" title="Runner YAML">
          <details>
            <summary className="cursor-pointer select-none text-xs font-medium text-slate-600 dark:text-slate-300">Show config.yaml</summary>
            <pre data-testid="session-yaml" className="mt-2 max-h-96 overflow-auto rounded-lg bg-slate-950 p-3 font-mono text-[11px] leading-relaxed text-slate-200">{session.yaml}</pre>
          </details>
        </Card>
      )}
    </div>
  );
}
