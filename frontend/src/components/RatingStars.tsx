/** A 1–5 rating as a radio group (keyboard and screen readers work); clicking the current value clears it. */
export function RatingStars({ value, onChange, label, testId }: { value: number | null; onChange: (v: number | null) => void; label: string; testId?: string }) {
  return (
    <div role="radiogroup" aria-label={label} data-testid={testId} data-value={value ?? ''} className="inline-flex items-center gap-0.5">
      {[1, 2, 3, 4, 5].map((n) => {
        const on = value !== null && n <= value;
        return (
          <button
            key={n}
            type="button"
            role="radio"
            aria-checked={value === n}
            aria-label={`${n} of 5`}
            data-testid={testId ? `${testId}-${n}` : undefined}
            onClick={() => onChange(value === n ? null : n)}
            className={`grid size-6 place-items-center rounded text-base leading-none transition-colors hover:scale-110 ${on ? 'text-amber-400' : 'text-slate-300 dark:text-slate-600'}`}
          >
            ★
          </button>
        );
      })}
    </div>
  );
}
