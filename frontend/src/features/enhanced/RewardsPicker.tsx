import type { ConfigValue, RewardFunctionInfo } from '../../app/apiTypes';
import { TextField } from '../../components/ConfigFields';
import { NumberInput } from '../../components/inputs';
import type { EnhancedDraft } from './enhancedConfig';

interface Props {
  available: RewardFunctionInfo[];
  draft: EnhancedDraft;
  errors: Record<string, string>;
  set: (field: string, value: ConfigValue) => void;
}

/** Built-in reward functions (checkboxes, optional weights) plus an optional reward-functions file. */
export function RewardsPicker({ available, draft, errors, set }: Props) {
  const chosen = draft.reward_functions ?? [];
  const weights = draft.reward_weights;
  const toggle = (name: string, on: boolean) => {
    const next = on ? [...chosen, name] : chosen.filter((n) => n !== name);
    set('reward_functions', next);
    if (weights) {
      const w = next.map((n) => weights[chosen.indexOf(n)] ?? 1);
      set('reward_weights', w);
    }
  };
  const setWeight = (name: string, v: number) => {
    const w = chosen.map((n, i) => (n === name ? v : weights?.[i] ?? 1));
    set('reward_weights', w);
  };
  return (
    <div className="space-y-4">
      <ul className="grid gap-2 sm:grid-cols-2">
        {available.map((r) => {
          const idx = chosen.indexOf(r.name);
          const on = idx >= 0;
          const id = `enh-reward-${r.name}`;
          return (
            <li key={r.name} className={`flex items-start gap-3 rounded-lg border p-3 ${on ? 'border-brand-300 bg-brand-50/50 dark:border-brand-700 dark:bg-brand-900/20' : 'border-slate-200 dark:border-slate-800'}`}>
              <input id={id} type="checkbox" data-testid={`reward-fn-${r.name}`} checked={on} onChange={(e) => toggle(r.name, e.target.checked)} className="mt-0.5 size-4 accent-brand-600" />
              <div className="min-w-0 flex-1">
                <label htmlFor={id} className="cursor-pointer font-mono text-xs font-semibold">{r.name}</label>
                <p className="text-xs text-slate-500 dark:text-slate-400">{r.description}</p>
              </div>
              {on && (
                <div className="w-20 shrink-0">
                  <label htmlFor={`${id}-w`} className="sr-only">Weight of {r.name}</label>
                  <NumberInput id={`${id}-w`} testId={`reward-weight-${r.name}`} value={weights?.[idx] ?? 1} onValueChange={(v) => setWeight(r.name, v)} className="h-8 py-1 text-xs" />
                </div>
              )}
            </li>
          );
        })}
        {available.length === 0 && <li className="text-xs text-slate-500">The server lists no built-in reward functions.</li>}
      </ul>
      {errors.reward_functions && <p role="alert" data-testid="field-error-reward_functions" className="text-xs font-medium text-rose-600 dark:text-rose-400">{errors.reward_functions}</p>}
      {errors.reward_weights && <p role="alert" data-testid="field-error-reward_weights" className="text-xs font-medium text-rose-600">{errors.reward_weights}</p>}
      <TextField id="enh-reward_functions_file" name="reward_functions_file" label="Reward functions file" optional placeholder="/path/to/rewards.py"
        hint="A Python file with extra reward functions for the trainer." error={errors.reward_functions_file}
        value={typeof draft.reward_functions_file === 'string' ? draft.reward_functions_file : ''} onChange={(v) => set('reward_functions_file', v === '' ? null : v)} />
    </div>
  );
}
