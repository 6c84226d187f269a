import { useAppSelector } from '../../app/hooks';
import type { ModelInfo } from '../../app/apiTypes';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { fmtNumber } from '../../components/format';
import { isActive } from '../training/liveRunSlice';
import { loraScale, type TrainingDraft } from '../training/trainingConfig';
import { focusFirstError } from '../runForm/validation';
import { SETUP_FIELD_ORDER } from './useSetupForm';
import type { FieldErrors } from '../runForm/validation';

const LABELS: Record<string, string> = {
  model_path: 'Model', train_data_path: 'Training data', val_data_path: 'Validation data', adapter_name: 'Adapter name',
  lora_rank: 'LoRA rank', lora_alpha: 'LoRA alpha', lora_dropout: 'LoRA dropout', lora_num_layers: 'Layer coverage',
};

function basename(p: string | null | undefined): string {
  if (!p) return '—';
  return p.split(/[\\/]/).filter(Boolean).slice(-2).join('/');
}

export interface RunSummaryProps {
  draft: TrainingDraft;
  model: ModelInfo | undefined;
  clientErrors: FieldErrors;
  visible: FieldErrors;
  submitting: boolean;
  onStart: () => void;
}

/** Sticky summary with the Start button and the list of fields that still need attention. */
export function RunSummaryCard({ draft, model, clientErrors, visible, submitting, onStart }: RunSummaryProps) {
  const running = useAppSelector((s) => isActive(s.liveRun.state));
  const problems = Object.keys({ ...clientErrors, ...visible });
  const scale = loraScale(draft.lora_alpha, draft.lora_rank);
  const rows: [string, string][] = [
    ['Model', model?.name ?? basename(draft.model_path)],
    ['Data', basename(draft.train_data_path)],
    ['Iterations', String(draft.iterations)],
    ['LoRA', `r ${draft.lora_rank} · α ${draft.lora_alpha} · scale ${fmtNumber(scale, 3)}`],
    ['Coverage', draft.lora_num_layers === -1 ? `all ${model?.num_hidden_layers ?? ''} layers`.replace('  ', ' ') : draft.lora_num_layers === null ? 'not chosen' : `top ${draft.lora_num_layers}`],
  ];
  return (
    <Card id="summary" title="Run summary" testId="run-summary" className="lg:sticky lg:top-20">
      <dl className="space-y-1.5 text-xs">
        {rows.map(([k, v]) => (
          <div key={k} className="flex justify-between gap-3">
            <dt className="text-slate-500 dark:text-slate-400">{k}</dt>
            <dd className="truncate text-right font-medium" title={v}>{v}</dd>
          </div>
        ))}
      </dl>
      {Object.keys(visible).length > 0 && (
        <div className="mt-4 rounded-lg bg-rose-50 px-3 py-2 text-xs text-rose-800 dark:bg-rose-950/40 dark:text-rose-200" data-testid="setup-problems">
          <p className="font-medium">Fix {Object.keys(visible).length === 1 ? 'this field' : 'these fields'} to start:</p>
          <ul className="mt-1 list-inside list-disc">
            {Object.keys(visible).map((k) => (
              <li key={k}>
                <button type="button" className="underline-offset-2 hover:underline" onClick={() => focusFirstError({ [k]: visible[k]! }, SETUP_FIELD_ORDER, 'setup')}>
                  {LABELS[k] ?? k}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {running && (
        <p className="mt-4 rounded-lg bg-sky-50 px-3 py-2 text-xs text-sky-800 dark:bg-sky-950/40 dark:text-sky-200">
          A run is in progress. <a href="#/training" className="font-medium underline">Open Training</a>
        </p>
      )}
      <Button variant="primary" size="lg" className="mt-4 w-full" onClick={onStart} loading={submitting} disabled={running} testId="start-button" data-problems={problems.length}>
        Start training
      </Button>
    </Card>
  );
}
