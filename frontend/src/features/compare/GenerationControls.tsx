import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { Field } from '../../components/Field';
import { NumberInput } from '../../components/inputs';
import { settingsChanged } from './compareSlice';
import type { Checkpoint, PromptMode } from './types';

const LIMITS = { max_tokens: [1, 4096], temperature: [0, 2], top_p: [0.01, 1] } as const;

/** Clamps into the server's accepted range (it would answer 422 otherwise); NaN keeps the old value. */
export function clampSetting(name: keyof typeof LIMITS, value: number, previous: number): number {
  if (!Number.isFinite(value)) return previous;
  const [lo, hi] = LIMITS[name];
  const v = Math.min(hi, Math.max(lo, value));
  return name === 'max_tokens' ? Math.round(v) : v;
}

function CheckpointChoice({ value, hasBest, onChange }: { value: Checkpoint; hasBest: boolean; onChange: (c: Checkpoint) => void }) {
  return (
    <div role="radiogroup" aria-label="Adapter checkpoint" className="inline-flex rounded-lg bg-slate-100 p-0.5 text-xs dark:bg-slate-800">
      {(['final', 'best'] as const).map((c) => {
        const disabled = c === 'best' && !hasBest;
        return (
          <label key={c} title={disabled ? 'This session has no best checkpoint (best_adapters.safetensors)' : undefined}
            className={`rounded-md px-2.5 py-1 font-medium has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-500 ${disabled ? 'cursor-not-allowed opacity-50' : 'cursor-pointer'} ${value === c ? 'bg-white text-slate-900 shadow-xs dark:bg-slate-900 dark:text-slate-100' : 'text-slate-600 dark:text-slate-400'}`}>
            <input type="radio" className="sr-only" name="compare-checkpoint" checked={value === c} disabled={disabled} onChange={() => onChange(c)} data-testid={`checkpoint-${c}`} />
            {c === 'final' ? 'Final' : 'Best (lowest val loss)'}
          </label>
        );
      })}
    </div>
  );
}

const PROMPT_MODES: { mode: PromptMode; label: string; title: string }[] = [
  { mode: 'auto', label: 'Session default', title: 'Raw for sessions trained on plain text rows, else the chat template' },
  { mode: 'chat', label: 'Chat template', title: "The prompt wrapped in the model's chat template" },
  { mode: 'raw', label: 'Raw text', title: 'The prompt as typed, no chat template' },
];

function PromptModeChoice({ value, onChange }: { value: PromptMode; onChange: (m: PromptMode) => void }) {
  return (
    <div role="radiogroup" aria-label="Prompt format" className="inline-flex rounded-lg bg-slate-100 p-0.5 text-xs dark:bg-slate-800">
      {PROMPT_MODES.map(({ mode, label, title }) => (
        <label key={mode} title={title}
          className={`cursor-pointer rounded-md px-2.5 py-1 font-medium has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-500 ${value === mode ? 'bg-white text-slate-900 shadow-xs dark:bg-slate-900 dark:text-slate-100' : 'text-slate-600 dark:text-slate-400'}`}>
          <input type="radio" className="sr-only" name="compare-prompt-mode" checked={value === mode} onChange={() => onChange(mode)} data-testid={`prompt-mode-${mode}`} />
          {label}
        </label>
      ))}
    </div>
  );
}

/** Max tokens, temperature, top-p and which adapter checkpoint to use (best only when the session has one). */
export function GenerationControls({ hasBest }: { hasBest: boolean }) {
  const dispatch = useAppDispatch();
  const s = useAppSelector((st) => st.compare.settings);
  const checkpoint: Checkpoint = s.checkpoint === 'best' && !hasBest ? 'final' : s.checkpoint;
  const num = (name: keyof typeof LIMITS, label: string, hint: string, step?: string) => (
    <Field id={`compare-${name}`} name={name} label={label} hint={hint}>
      <NumberInput id={`compare-${name}`} testId={`gen-${name}`} value={s[name]} step={step}
        onValueChange={(v) => dispatch(settingsChanged({ [name]: clampSetting(name, v, s[name]) }))} />
    </Field>
  );
  return (
    <div className="space-y-3">
      <div className="grid grid-cols-3 gap-2 sm:gap-3">
        {num('max_tokens', 'Max tokens', '1–4096')}
        {num('temperature', 'Temperature', '0 = greedy', '0.1')}
        {num('top_p', 'Top-p', '0.01–1', '0.05')}
      </div>
      <div className="flex flex-wrap items-center gap-2 text-xs text-slate-600 dark:text-slate-300">
        <span className="font-medium">Adapter checkpoint</span>
        <CheckpointChoice value={checkpoint} hasBest={hasBest} onChange={(c) => dispatch(settingsChanged({ checkpoint: c }))} />
      </div>
      <div className="flex flex-wrap items-center gap-2 text-xs text-slate-600 dark:text-slate-300">
        <span className="font-medium">Prompt</span>
        <PromptModeChoice value={s.prompt_mode ?? 'auto'} onChange={(m) => dispatch(settingsChanged({ prompt_mode: m }))} />
      </div>
    </div>
  );
}
