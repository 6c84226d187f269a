import type { Readiness, RunState } from '../app/apiTypes';
import { Badge, type Tone } from './Badge';

const STATE: Record<RunState, { tone: Tone; label: string }> = {
  idle: { tone: 'neutral', label: 'Idle' },
  starting: { tone: 'info', label: 'Starting' },
  running: { tone: 'brand', label: 'Running' },
  stopping: { tone: 'warning', label: 'Stopping' },
  completed: { tone: 'success', label: 'Completed' },
  stopped: { tone: 'warning', label: 'Stopped' },
  error: { tone: 'danger', label: 'Error' },
};

export function StatusBadge({ state, testId = 'status-badge' }: { state: RunState; testId?: string }) {
  const s = STATE[state] ?? STATE.idle;
  return (
    <span data-state={state} data-testid={testId} className="inline-flex">
      <Badge tone={s.tone} dot>{s.label}</Badge>
    </span>
  );
}

const READINESS: Record<Readiness, { tone: Tone; label: string; title: string }> = {
  ready: { tone: 'success', label: 'Ready', title: 'Final adapter saved' },
  best_available: { tone: 'info', label: 'Best checkpoint available', title: 'Final adapter saved, plus the best-validation checkpoint' },
  running: { tone: 'brand', label: 'Running', title: 'Still training: the adapter is not final yet' },
  incomplete: { tone: 'warning', label: 'Incomplete', title: 'Stopped or failed: a checkpoint is saved, the run did not finish' },
  legacy: { tone: 'neutral', label: 'Legacy', title: 'Imported from the older app; LoRA fields defaulted where missing' },
  missing_files: { tone: 'danger', label: 'Missing files', title: 'Adapter files are missing on disk' },
};

export function ReadinessBadge({ readiness, testId }: { readiness: Readiness; testId?: string }) {
  const r = READINESS[readiness] ?? READINESS.incomplete;
  return (
    <span data-readiness={readiness} data-testid={testId} className="inline-flex">
      <Badge tone={r.tone} title={r.title}>{r.label}</Badge>
    </span>
  );
}
