import { useAppDispatch, useAppSelector } from '../app/hooks';
import type { RouteName } from '../app/router';
import { wsReconnectNow } from '../features/events/eventsSlice';
import { themeToggled } from '../features/theme/themeSlice';
import { isActive } from '../features/training/liveRunSlice';

const NAV: { route: RouteName; label: string }[] = [
  { route: 'setup', label: 'Setup' },
  { route: 'enhanced', label: 'Enhanced Setup' },
  { route: 'training', label: 'Training' },
  { route: 'compare', label: 'Compare' },
  { route: 'sessions', label: 'Sessions' },
];

function ConnectionIndicator() {
  const dispatch = useAppDispatch();
  const connection = useAppSelector((s) => s.events.connection);
  const ok = connection === 'open';
  const label = ok ? 'Live' : connection === 'connecting' ? 'Connecting…' : 'Offline';
  return (
    <button
      type="button"
      data-testid="connection-status"
      data-state={connection}
      onClick={() => !ok && dispatch(wsReconnectNow())}
      title={ok ? 'Connected to the server (live events)' : 'Not connected — click to reconnect now'}
      className="inline-flex h-8 items-center gap-1.5 rounded-full px-2.5 text-xs font-medium text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
    >
      <span className={`size-2 rounded-full ${ok ? 'bg-emerald-500' : connection === 'connecting' ? 'animate-pulse bg-amber-400' : 'bg-rose-500'}`} aria-hidden />
      <span className="hidden sm:inline">{label}</span>
      <span className="sr-only sm:hidden">{label}</span>
    </button>
  );
}

function ThemeToggle() {
  const dispatch = useAppDispatch();
  const dark = useAppSelector((s) => s.theme.mode === 'dark');
  return (
    <button
      type="button"
      data-testid="theme-toggle"
      aria-label={dark ? 'Switch to light theme' : 'Switch to dark theme'}
      aria-pressed={dark}
      onClick={() => dispatch(themeToggled())}
      className="inline-flex size-8 items-center justify-center rounded-full text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
    >
      {dark ? (
        <svg viewBox="0 0 24 24" className="size-4" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden><circle cx="12" cy="12" r="4" /><path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" /></svg>
      ) : (
        <svg viewBox="0 0 24 24" className="size-4" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden><path d="M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8z" /></svg>
      )}
    </button>
  );
}

export function AppHeader({ active }: { active: RouteName }) {
  const running = useAppSelector((s) => isActive(s.liveRun.state));
  return (
    <header className="sticky top-0 z-40 border-b border-slate-200 bg-white/85 backdrop-blur dark:border-slate-800 dark:bg-slate-950/85">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-3 px-3 py-2 sm:px-6">
        <a href="#/setup" className="flex items-center gap-2 rounded-md py-0.5 font-semibold tracking-tight">
          <span className="grid size-7 place-items-center rounded-lg bg-gradient-to-br from-brand-500 to-violet-500 text-xs font-bold text-white" aria-hidden>L</span>
          <span>LoRA Studio</span>
        </a>
        <nav aria-label="Main" className="order-last -mx-1 mt-1.5 w-[calc(100%+0.5rem)] overflow-x-auto md:order-none md:mx-0 md:ml-6 md:mt-0 md:w-auto">
          <NavLinks active={active} running={running} />
        </nav>
        <div className="ml-auto flex items-center gap-1">
          <ConnectionIndicator />
          <ThemeToggle />
        </div>
      </div>
    </header>
  );
}

function NavLinks({ active, running }: { active: RouteName; running: boolean }) {
  return (
    <ul className="flex items-center gap-1 whitespace-nowrap px-1 pb-1 md:pb-0">
      {NAV.map((item) => {
        const current = item.route === active;
        return (
          <li key={item.route}>
            <a
              href={`#/${item.route}`}
              data-testid={`nav-${item.route}`}
              aria-current={current ? 'page' : undefined}
              className={`inline-flex items-center gap-1.5 rounded-lg px-3 py-1.5 text-sm font-medium transition-colors ${current ? 'bg-brand-50 text-brand-700 dark:bg-brand-900/40 dark:text-brand-200' : 'text-slate-600 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-400 dark:hover:bg-slate-800 dark:hover:text-slate-100'}`}
            >
              {item.label}
              {item.route === 'training' && running && <span className="size-1.5 animate-pulse rounded-full bg-emerald-500" aria-label="(running)" />}
            </a>
          </li>
        );
      })}
    </ul>
  );
}
