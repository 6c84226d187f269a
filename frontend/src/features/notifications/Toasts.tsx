import { useEffect } from 'react';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { dismiss, type Toast, type ToastLevel } from './notificationsSlice';

const STYLE: Record<ToastLevel, { ring: string; icon: string; glyph: string }> = {
  info: { ring: 'border-sky-200 dark:border-sky-900', icon: 'bg-sky-100 text-sky-700 dark:bg-sky-900/50 dark:text-sky-300', glyph: 'i' },
  success: { ring: 'border-emerald-200 dark:border-emerald-900', icon: 'bg-emerald-100 text-emerald-700 dark:bg-emerald-900/50 dark:text-emerald-300', glyph: '✓' },
  warning: { ring: 'border-amber-200 dark:border-amber-900', icon: 'bg-amber-100 text-amber-800 dark:bg-amber-900/50 dark:text-amber-300', glyph: '!' },
  error: { ring: 'border-rose-200 dark:border-rose-900', icon: 'bg-rose-100 text-rose-700 dark:bg-rose-900/50 dark:text-rose-300', glyph: '×' },
};

/** How long a toast stays; errors and warnings stay longer (they usually need reading). */
const LIFETIME_MS: Record<ToastLevel, number> = { info: 5000, success: 5000, warning: 10000, error: 12000 };

function ToastItem({ toast }: { toast: Toast }) {
  const dispatch = useAppDispatch();
  useEffect(() => {
    const t = setTimeout(() => dispatch(dismiss(toast.id)), LIFETIME_MS[toast.level]);
    return () => clearTimeout(t);
  }, [dispatch, toast.id, toast.level, toast.createdAt]);
  const st = STYLE[toast.level];
  return (
    <li
      data-testid={`toast-${toast.level}`}
      role={toast.level === 'error' ? 'alert' : 'status'}
      className={`pointer-events-auto flex w-full gap-3 rounded-xl border bg-white p-3 shadow-lg dark:bg-slate-900 ${st.ring}`}
    >
      <span className={`grid size-6 shrink-0 place-items-center rounded-full text-xs font-bold ${st.icon}`} aria-hidden>{st.glyph}</span>
      <div className="min-w-0 flex-1">
        <p className="text-sm font-semibold text-slate-900 dark:text-slate-100">
          {toast.title}
          {toast.count > 1 && <span className="ml-1.5 rounded-full bg-slate-100 px-1.5 text-xs font-medium text-slate-600 dark:bg-slate-800 dark:text-slate-300">×{toast.count}</span>}
        </p>
        {toast.message && <p className="mt-0.5 whitespace-pre-line break-words text-xs text-slate-600 dark:text-slate-300">{toast.message}</p>}
      </div>
      <button
        type="button"
        onClick={() => dispatch(dismiss(toast.id))}
        aria-label="Dismiss notification"
        className="grid size-6 shrink-0 place-items-center rounded-md text-slate-400 hover:bg-slate-100 hover:text-slate-700 dark:hover:bg-slate-800 dark:hover:text-slate-200"
      >
        ×
      </button>
    </li>
  );
}

export function Toasts() {
  const items = useAppSelector((s) => s.notifications.items);
  return (
    <div aria-live="polite" className="pointer-events-none fixed inset-x-0 bottom-0 z-50 flex justify-center p-3 sm:inset-x-auto sm:right-0 sm:justify-end sm:p-5">
      <ol data-testid="toasts" className="flex w-full max-w-sm flex-col gap-2">
        {items.map((t) => (
          <ToastItem key={t.id} toast={t} />
        ))}
      </ol>
    </div>
  );
}
