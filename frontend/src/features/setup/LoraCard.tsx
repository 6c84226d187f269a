import type { FieldLimits, ModelInfo } from '../../app/apiTypes';
import { Card } from '../../components/Card';
import { NumberField } from '../../components/ConfigFields';
import { controlAria, Field } from '../../components/Field';
import { NumberInput, SelectInput } from '../../components/inputs';
import { fmtNumber } from '../../components/format';
import { loraScale, type TrainingDraft } from '../training/trainingConfig';
import { coverageHelp, coverageOptions } from './loraCoverage';
import { LoraTargetsPanel } from './LoraTargetsPanel';
import { useSetupField } from './useSetupForm';
import type { FieldErrors } from '../runForm/validation';

export interface LoraCardProps {
  errors: FieldErrors;
  model: ModelInfo | undefined;
  limits: Record<string, FieldLimits> | undefined;
}

function CoverageField({ errors, model }: Pick<LoraCardProps, 'errors' | 'model'>) {
  const f = useSetupField('lora_num_layers', errors);
  const options = coverageOptions(model?.coverage_presets, f.value);
  const help = coverageHelp(model, f.value);
  return (
    <Field id={f.id} name="lora_num_layers" label="Layer coverage" error={f.error}>
      <div className="flex gap-2">
        <SelectInput
          id={f.id}
          testId="lora-coverage"
          className="min-w-0 flex-1"
          value={f.value === null || Number.isNaN(f.value) ? '' : String(f.value)}
          onValueChange={(v) => f.set(v === '' ? null : Number(v))}
          onBlur={f.touch}
          {...controlAria(f.id, f.error)}
          aria-describedby={`${f.id}-help${f.error ? ` ${f.id}-error` : ''}`}
        >
          {(f.value === null || Number.isNaN(f.value)) && <option value="">Choose coverage…</option>}
          {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </SelectInput>
        {/* Any top-k, not only the presets (a shallow model has few of them). */}
        <NumberInput
          id={`${f.id}-custom`}
          testId="lora-coverage-custom"
          className="w-20"
          aria-label="Top layers (custom number)"
          placeholder="top k"
          value={f.value !== null && f.value > 0 ? f.value : null}
          onValueChange={(v) => f.set(Number.isNaN(v) ? null : v)}
          onBlur={f.touch}
        />
      </div>
      <div id={`${f.id}-help`} data-testid="lora-coverage-help" className="space-y-1 text-xs text-slate-500 dark:text-slate-400">
        {help.map((line) => <p key={line}>{line}</p>)}
      </div>
    </Field>
  );
}

function FineTuneType({ limits }: { limits: Record<string, FieldLimits> | undefined }) {
  const f = useSetupField('fine_tune_type', {});
  const choices = (limits?.fine_tune_type?.enum ?? []).map(String);
  if (choices.length < 2) return null;
  return (
    <Field id={f.id} name="fine_tune_type" label="Adapter type">
      <SelectInput id={f.id} testId="lora-fine-tune-type" value={f.value} onValueChange={(v) => f.set(v as TrainingDraft['fine_tune_type'])}>
        {choices.map((c) => <option key={c} value={c}>{c === 'lora' ? 'LoRA' : c === 'dora' ? 'DoRA' : c}</option>)}
      </SelectInput>
    </Field>
  );
}

/** The LoRA Configuration card: rank, alpha, dropout, layer coverage, scale and resolved targets. */
export function LoraCard({ errors, model, limits }: LoraCardProps) {
  const rank = useSetupField('lora_rank', errors);
  const alpha = useSetupField('lora_alpha', errors);
  const dropout = useSetupField('lora_dropout', errors);
  const layers = useSetupField('lora_num_layers', errors);
  const modelPath = useSetupField('model_path', errors);
  const scale = !rank.error && !alpha.error ? loraScale(alpha.value, rank.value) : null;
  return (
    <Card id="lora" title="LoRA Configuration" description="Low-rank adapters on every linear module of the covered blocks." testId="lora-card">
      <div className="grid gap-4 sm:grid-cols-3">
        <NumberField id={rank.id} name="lora_rank" testId="lora-rank" label="LoRA rank" value={rank.value} onChange={rank.set} onBlur={rank.touch} error={rank.error} hint="Size of the low-rank update (r)." />
        <NumberField id={alpha.id} name="lora_alpha" testId="lora-alpha" label="LoRA alpha" value={alpha.value} onChange={alpha.set} onBlur={alpha.touch} error={alpha.error} hint="Scaling numerator (α)." />
        <NumberField id={dropout.id} name="lora_dropout" testId="lora-dropout" label="LoRA dropout" value={dropout.value} onChange={dropout.set} onBlur={dropout.touch} error={dropout.error} hint="0 ≤ dropout < 1." />
      </div>
      <div className="mt-4 grid gap-4 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <CoverageField errors={errors} model={model} />
        <div className="space-y-4">
          <FineTuneType limits={limits} />
          <div className="rounded-lg bg-brand-50 px-3 py-2.5 dark:bg-brand-900/30">
            <p className="text-xs text-brand-700 dark:text-brand-200">Effective scale (α / r)</p>
            <p data-testid="lora-scale" className="font-mono text-lg font-semibold text-brand-900 dark:text-brand-100">{scale === null ? '—' : fmtNumber(scale, 4)}</p>
            <p className="text-[11px] text-brand-700/80 dark:text-brand-200/70">mlx-lm multiplies the update by this value.</p>
          </div>
        </div>
      </div>
      <LoraTargetsPanel
        model={model}
        modelPath={modelPath.value}
        rank={rank.error ? null : rank.value}
        numLayers={layers.error ? null : layers.value}
      />
    </Card>
  );
}
