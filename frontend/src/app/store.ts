import { combineReducers, configureStore, createListenerMiddleware } from '@reduxjs/toolkit';
import { setupListeners } from '@reduxjs/toolkit/query';
import { api } from './api';
import compare from '../features/compare/compareSlice';
import { registerCompareListeners } from '../features/compare/listeners';
import desktop from '../features/desktop/desktopSlice';
import enhanced from '../features/enhanced/enhancedSlice';
import events, { initialEventsState, loadPersistedSeq } from '../features/events/eventsSlice';
import { createWsMiddleware, type WsMiddlewareOptions } from '../features/events/wsMiddleware';
import { registerNotificationListeners } from '../features/notifications/listeners';
import { registerDraftPersistence } from '../features/runForm/persistDraft';
import { registerQueueListeners } from '../features/queue/listeners';
import notifications from '../features/notifications/notificationsSlice';
import setup from '../features/setup/setupSlice';
import theme, { applyTheme, themeToggled } from '../features/theme/themeSlice';
import liveRun from '../features/training/liveRunSlice';

export const rootReducer = combineReducers({
  [api.reducerPath]: api.reducer,
  events,
  liveRun,
  setup,
  enhanced,
  notifications,
  theme,
  compare,
  desktop,
});

export type RootState = ReturnType<typeof rootReducer>;

export interface StoreOptions {
  ws?: WsMiddlewareOptions;
  preloadedState?: Partial<RootState>;
  /** Restore the last seen event seq of this tab (default true in the app, false in tests). */
  restoreSeq?: boolean;
}

export function makeStore(options: StoreOptions = {}) {
  const listener = createListenerMiddleware<RootState>();
  registerNotificationListeners(listener);
  registerCompareListeners(listener);
  registerDraftPersistence(listener, 'setup', (s) => s.setup.draft);
  registerDraftPersistence(listener, 'enhanced', (s) => s.enhanced.draft);
  registerQueueListeners(listener);
  listener.startListening({
    actionCreator: themeToggled,
    effect: (_a, { getState }) => applyTheme(getState().theme.mode),
  });

  const preloadedState: Partial<RootState> = { ...options.preloadedState };
  if (options.restoreSeq && !preloadedState.events) {
    preloadedState.events = { ...initialEventsState, lastSeq: loadPersistedSeq() };
  }

  const store = configureStore({
    reducer: rootReducer,
    preloadedState,
    middleware: (getDefault) =>
      getDefault()
        .prepend(listener.middleware)
        .concat(api.middleware, createWsMiddleware(options.ws)),
  });
  setupListeners(store.dispatch);
  return store;
}

export type AppStore = ReturnType<typeof makeStore>;
export type AppDispatch = AppStore['dispatch'];
