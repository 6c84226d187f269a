import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { ProgressBar } from '../../components/ProgressBar';
import { fmtBytes } from '../../components/format';
import { CopyButton } from '../../components/CopyButton';
import { VerificationView } from './VerificationView';
import { COMMAND_LABELS, type ExportStatus } from './types';

const STATE_TONE = { queued: 'neutral', running: 'info', completed: 'success', error: 'danger' } as const;

/** One export: progress while it runs, then where it is, how it was verified and how to use it. */
export function ExportItem({ item, onDelete, onDequantize, busy }: {
  item: ExportStatus;
  onDelete: () => void;
  onDequantize: () => void;
  busy: boolean;
}) {
  const active = item.state === 'queued' || item.state === 'running';
  return (
    <li className="space-y-2 rounded-lg border border-slate-200 p-3 dark:border-slate-800" data-testid="export-item" data-state={item.state} data-format={item.format}>
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-mono text-sm font-medium">{item.name}</span>
        <Badge tone="brand">{item.format}</Badge>
        <Badge tone="neutral">{item.request.checkpoint}{item.request.dequantize ? ' · dequantized' : ''}</Badge>
        <Badge tone={STATE_TONE[item.state]} testId="export-state">{item.state}</Badge>
        <span className="ml-auto" />
        {!active && <Button size="sm" variant="ghost" onClick={onDelete} disabled={busy} testId="export-delete">Delete</Button>}
      </div>
      {active && (
        <div className="space-y-1">
          <ProgressBar value={item.progress} label={`Export ${item.name}`} testId="export-progress" />
          <p className="text-xs text-slate-500">{item.phase}…</p>
        </div>
      )}
      {item.error && <p role="alert" className="font-mono text-xs text-rose-700 dark:text-rose-300">{item.error}</p>}
      {item.state === 'completed' && (
        <>
          <div className="flex items-center gap-2 text-xs">
            <span className="text-slate-500">Path</span>
            <code className="min-w-0 flex-1 truncate" data-testid="export-path" title={item.path}>{item.path}</code>
            <CopyButton text={item.path} label="Copy the export path" />
          </div>
          {item.verification && <VerificationView v={item.verification} />}
          {item.verification?.suggest_dequantize && (
            <Button size="sm" variant="primary" onClick={onDequantize} disabled={busy} testId="export-dequantize-again">
              Export again with dequantize
            </Button>
          )}
          {item.commands && (
            <ul className="space-y-1" data-testid="export-commands">
              {Object.entries(item.commands).map(([key, cmd]) => (
                <li key={key} className="text-xs">
                  <div className="flex items-center justify-between text-slate-500"><span>{COMMAND_LABELS[key] ?? key}</span><CopyButton text={cmd} label={`Copy: ${COMMAND_LABELS[key] ?? key}`} /></div>
                  <pre className="overflow-x-auto rounded bg-slate-950 px-2 py-1 font-mono text-[11px] text-slate-200">{cmd}</pre>
                </li>
              ))}
            </ul>
          )}
          {!!item.files?.length && (
            <p className="text-xs text-slate-500">{item.files.map((f) => `${f.name} (${fmtBytes(f.size_bytes)})`).join(' · ')}</p>
          )}
        </>
      )}
    </li>
  );
}
