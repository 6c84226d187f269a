export function ProgressBar({ value, label, testId, indeterminate }: { value: number | null; label: string; testId?: string; indeterminate?: boolean }) {
  const pct = value === null ? 0 : Math.max(0, Math.min(1, value)) * 100;
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={indeterminate || value === null ? undefined : Math.round(pct)}
      data-testid={testId}
      data-value={value === null ? '' : pct.toFixed(1)}
      className="h-2.5 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800"
    >
      <div
        className={`h-full rounded-full bg-gradient-to-r from-brand-500 to-violet-500 transition-[width] duration-500 ${indeterminate ? 'w-1/3 animate-pulse' : ''}`}
        style={indeterminate ? undefined : { width: `${pct}%` }}
      />
    </div>
  );
}
