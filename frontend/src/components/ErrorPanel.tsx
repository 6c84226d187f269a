import type { ReactNode } from 'react';

/** A dismissible inline error with the server's message (for failures that belong to one card). */
export function ErrorPanel({ title, message, onDismiss, testId, children }: { title: string; message: string; onDismiss?: () => void; testId?: string; children?: ReactNode }) {
  return (
    <div role="alert" data-testid={testId} className="flex gap-3 rounded-lg border border-rose-200 bg-rose-50 px-3 py-2.5 text-rose-900 dark:border-rose-900 dark:bg-rose-950/40 dark:text-rose-100">
      <span className="mt-0.5 grid size-5 shrink-0 place-items-center rounded-full bg-rose-100 text-xs font-bold text-rose-700 dark:bg-rose-900/60 dark:text-rose-300" aria-hidden>!</span>
      <div className="min-w-0 flex-1">
        <p className="text-sm font-semibold">{title}</p>
        <p data-testid={testId ? `${testId}-message` : undefined} className="mt-0.5 whitespace-pre-line break-words text-xs">{message}</p>
        {children}
      </div>
      {onDismiss && (
        <button type="button" onClick={onDismiss} aria-label="Dismiss error" data-testid={testId ? `${testId}-dismiss` : undefined}
          className="grid size-6 shrink-0 place-items-center rounded-md text-rose-400 hover:bg-rose-100 hover:text-rose-700 dark:hover:bg-rose-900/50 dark:hover:text-rose-200">
          ×
        </button>
      )}
    </div>
  );
}
