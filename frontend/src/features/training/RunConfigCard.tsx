import type { LoraTargets, RunKind } from '../../app/apiTypes';
import { Card } from '../../components/Card';
import { fmtNumber } from '../../components/format';
import { coverageLabel, displayValue, loraSummary, RUN_SETTING_KEYS } from './runConfig';

export interface RunConfigProps {
  config: Record<string, unknown> | null;
  loraTargets: LoraTargets | null;
  kind: RunKind | null;
  testId?: string;
  title?: string;
}

/** The run's real configuration incl. the LoRA fields (as the server stored it). */
export function RunConfigView({ config, loraTargets, kind }: Omit<RunConfigProps, 'testId' | 'title'>) {
  const lora = loraSummary(config, loraTargets);
  const tiles: [string, string, string][] = [
    ['Rank', displayValue(lora.rank), 'run-lora-rank'],
    ['Alpha', displayValue(lora.alpha), 'run-lora-alpha'],
    ['Scale', fmtNumber(lora.scale, 4), 'run-lora-scale'],
    ['Dropout', displayValue(lora.dropout), 'run-lora-dropout'],
    ['Layers', coverageLabel(lora.numLayers), 'run-lora-layers'],
  ];
  const settings = RUN_SETTING_KEYS.filter(([k]) => config && k in config && !(kind === 'sft' && ['group_size', 'beta', 'temperature', 'importance_sampling_level', 'grpo_loss_type', 'reward_functions'].includes(k)) && !(kind === 'sft' && k === 'training_method'));
  return (
    <div className="space-y-4">
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-5">
        {tiles.map(([label, value, id]) => (
          <div key={id} className="rounded-lg bg-slate-50 px-3 py-2 dark:bg-slate-800/40">
            <dt className="text-xs text-slate-500 dark:text-slate-400">{label}</dt>
            <dd data-testid={id} className="truncate font-mono text-sm font-semibold">{value}</dd>
          </div>
        ))}
      </dl>
      <div>
        <p className="mb-1.5 text-xs font-medium text-slate-600 dark:text-slate-300">
          Target keys{lora.fineTuneType ? ` (${lora.fineTuneType})` : ''}
        </p>
        <ul data-testid="run-lora-keys" className="flex flex-wrap gap-1.5">
          {lora.keys.length ? lora.keys.map((k) => <li key={k} className="chip">{k}</li>) : <li className="text-xs text-slate-500">—</li>}
        </ul>
      </div>
      {settings.length > 0 && (
        <dl className="grid grid-cols-1 gap-x-6 gap-y-1.5 text-xs sm:grid-cols-2">
          {settings.map(([k, label]) => (
            <div key={k} className="flex min-w-0 justify-between gap-3 border-b border-slate-100 py-1 dark:border-slate-800">
              <dt className="shrink-0 text-slate-500 dark:text-slate-400">{label}</dt>
              <dd className="truncate text-right font-mono" title={displayValue(config?.[k])}>{displayValue(config?.[k])}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}

export function RunConfigCard({ testId = 'run-config', title = 'Configuration', ...rest }: RunConfigProps) {
  return (
    <Card id="run-config" title={title} testId={testId}>
      {rest.config ? <RunConfigView {...rest} /> : <p className="text-xs text-slate-500">Waiting for the run configuration…</p>}
    </Card>
  );
}
