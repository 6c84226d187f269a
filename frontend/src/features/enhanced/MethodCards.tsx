import type { TrainingMethod } from '../../app/apiTypes';

/** GRPO / GSPO / Dr. GRPO as selectable cards (a radio group underneath). */
export function MethodCards({ methods, selected, onSelect }: { methods: TrainingMethod[]; selected: string | undefined; onSelect: (m: TrainingMethod) => void }) {
  return (
    <fieldset>
      <legend className="sr-only">Training method</legend>
      <div className="grid gap-3 sm:grid-cols-3">
        {methods.map((m) => {
          const active = m.id === selected;
          return (
            <label
              key={m.id}
              data-testid={`method-card-${m.id}`}
              data-selected={active}
              className={`relative flex cursor-pointer flex-col gap-1 rounded-xl border p-4 transition-colors has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-500 ${active ? 'border-brand-500 bg-brand-50/70 ring-1 ring-brand-500 dark:bg-brand-900/25' : 'border-slate-200 bg-white hover:border-slate-300 dark:border-slate-800 dark:bg-slate-900 dark:hover:border-slate-700'}`}
            >
              <input type="radio" name="enhanced-method" value={m.id} checked={active} onChange={() => onSelect(m)} className="sr-only" />
              <span className="flex items-center justify-between gap-2">
                <span className="text-base font-semibold">{m.name}</span>
                <span aria-hidden className={`size-4 rounded-full border-2 ${active ? 'border-brand-600 bg-brand-600 shadow-[inset_0_0_0_2px_white] dark:shadow-[inset_0_0_0_2px_#0f172a]' : 'border-slate-300 dark:border-slate-600'}`} />
              </span>
              <span className="text-xs font-medium text-slate-600 dark:text-slate-300">{m.full_name}</span>
              <span className="text-xs text-slate-500 dark:text-slate-400">{m.description}</span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
