import type { SessionSummary } from '../../app/apiTypes';
import { fmtDate, fmtNumber } from '../../components/format';

/** "SFT · full-layer" / "GSPO · attention-only": what kind of adapter a session holds. */
export function methodLabel(s: Pick<SessionSummary, 'kind' | 'method'>): string {
  if (s.kind === 'enhanced') return `${(s.method ?? 'grpo').replace('_', ' ').toUpperCase()} · attention-only`;
  return 'SFT · full-layer';
}

function layersLabel(n: number | null | undefined): string {
  if (n === -1) return 'all layers';
  return n ? `top ${n} layers` : '? layers';
}

/** LoRA rank / alpha / dropout / layers / scale of a session (defaults filled in for legacy ones). */
export function LoraFacts({ s, testId }: { s: SessionSummary; testId?: string }) {
  if (!s.lora) return <span className="text-slate-400">LoRA settings unknown</span>;
  const { rank, alpha, dropout, num_layers: layers, scale } = s.lora;
  const items: [string, string][] = [
    ['rank', String(rank ?? '?')],
    ['alpha', String(alpha ?? '?')],
    ['dropout', String(dropout ?? '?')],
    ['layers', layersLabel(layers)],
    ['scale', fmtNumber(scale ?? (rank && alpha ? alpha / rank : null))],
  ];
  return (
    <dl data-testid={testId} className="flex flex-wrap gap-x-3 gap-y-0.5 font-mono text-xs">
      {items.map(([k, v]) => (
        <div key={k} className="flex gap-1">
          <dt className="text-slate-500 dark:text-slate-400">{k}</dt>
          <dd className="text-slate-800 dark:text-slate-200">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

export function LossFacts({ s }: { s: SessionSummary }) {
  return (
    <p className="text-xs text-slate-500 dark:text-slate-400">
      {s.steps_completed ?? 0}/{s.total_steps ?? '—'} steps · train {fmtNumber(s.final_train_loss)} · val {fmtNumber(s.final_val_loss)} · best val {fmtNumber(s.best_val_loss)}
      <span className="whitespace-nowrap"> · {fmtDate(s.created_at)}</span>
    </p>
  );
}
