import { useEffect } from 'react';
import { useAppDispatch, useAppSelector } from './app/hooks';
import { useHashRoute } from './app/router';
import { AppHeader } from './components/AppHeader';
import { ComparePage } from './features/compare/ComparePage';
import { EnhancedPage } from './features/enhanced/EnhancedPage';
import { useDesktopMenu } from './features/desktop/useDesktopMenu';
import { wsConnect, wsDisconnect } from './features/events/eventsSlice';
import { Toasts } from './features/notifications/Toasts';
import { SessionsPage } from './features/sessions/SessionsPage';
import { SetupPage } from './features/setup/SetupPage';
import { useGetTrainingStatusQuery } from './features/training/api';
import { isActive } from './features/training/liveRunSlice';
import { TrainingPage } from './features/training/TrainingPage';
import { QueuePanel } from './features/queue/QueuePanel';
import { useDuplicateIntoForm } from './app/duplicateIntoForm';

export function App() {
  const dispatch = useAppDispatch();
  const route = useHashRoute();
  const duplicate = useDuplicateIntoForm();
  // Status over HTTP right away (the ws sends it too once connected), then the one websocket.
  // While a run is active the status is also polled slowly, as a safety net for a final state
  // change that arrives without an event.
  const active = useAppSelector((s) => isActive(s.liveRun.state));
  useGetTrainingStatusQuery(undefined, { pollingInterval: active ? 5000 : 0 });
  useDesktopMenu();
  useEffect(() => {
    dispatch(wsConnect());
    return () => {
      dispatch(wsDisconnect());
    };
  }, [dispatch]);

  return (
    <div className="flex min-h-screen flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-sm dark:focus:bg-slate-900"
        onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        Skip to content
      </a>
      <AppHeader active={route.name} />
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-3 py-5 outline-none sm:px-6 sm:py-8">
        {route.name === 'setup' && <SetupPage />}
        {route.name === 'enhanced' && <EnhancedPage />}
        {route.name === 'training' && <TrainingPage queue={<QueuePanel onDuplicate={duplicate} />} />}
        {route.name === 'compare' && <ComparePage />}
        {route.name === 'sessions' && <SessionsPage sessionId={route.params[0] ?? null} />}
      </main>
      <Toasts />
    </div>
  );
}
