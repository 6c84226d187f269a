import { isRejected, isRejectedWithValue, type ListenerMiddlewareInstance } from '@reduxjs/toolkit';
import { api, ENDPOINT_TITLES, INLINE_ERROR_ENDPOINTS } from '../../app/api';
import type { RootState } from '../../app/store';
import { parseApiError } from '../../app/errors';
import { eventReceived, isStale } from '../events/eventsSlice';
import { RUN_LIFECYCLE_EVENTS, type ServerEvent } from '../events/eventTypes';
import { notify, type ToastLevel } from './notificationsSlice';

/** Replayed events older than this are history, not news: they update state but raise no toast. */
export const FRESH_EVENT_SECONDS = 120;

export function isFreshEvent(ev: Pick<ServerEvent, 'ts'>, nowMs: number = Date.now()): boolean {
  return ev.ts !== null && nowMs / 1000 - ev.ts <= FRESH_EVENT_SECONDS;
}

/** The toast an event deserves, if any. */
export function toastForEvent(ev: ServerEvent): { level: ToastLevel; title: string; message: string } | null {
  switch (ev.type) {
    case 'notification':
      return { level: ev.data.level ?? 'info', title: ev.data.title ?? 'Notice', message: ev.data.message ?? '' };
    case 'training_completed':
      return {
        level: 'success',
        title: 'Training completed',
        message: ev.data.early_stopped
          ? 'Stopped early: validation loss stopped improving.'
          : `${ev.data.step ?? ''} steps done.`.trim(),
      };
    case 'training_stopped':
      return { level: 'info', title: 'Training stopped', message: ev.data.step != null ? `Adapter saved at step ${ev.data.step}.` : '' };
    case 'training_error':
      return { level: 'error', title: 'Training failed', message: ev.data.message ?? '' };
    default:
      return null;
  }
}

/** Toasts for every failed API call and for notable events; cache invalidation on run lifecycle events. */
export function registerNotificationListeners(listener: ListenerMiddlewareInstance<RootState>): void {
  listener.startListening({
    predicate: (action) => isRejected(action) && action.type.startsWith(`${api.reducerPath}/`),
    effect: (action, { dispatch }) => {
      const a = action as { payload?: unknown; error?: { name?: string; message?: string }; meta?: { condition?: boolean; aborted?: boolean; arg?: { endpointName?: string } } };
      if (a.meta?.condition || a.meta?.aborted || a.error?.name === 'AbortError') return; // skipped or cancelled, not failed
      const endpoint = a.meta?.arg?.endpointName ?? '';
      if (INLINE_ERROR_ENDPOINTS.has(endpoint)) return;
      const parsed = isRejectedWithValue(action) ? parseApiError(a.payload) : parseApiError(a.error);
      // One toast (folded by count) while the server is unreachable, whatever was being fetched.
      const title = parsed.status === 'FETCH_ERROR' ? 'Server unreachable' : ENDPOINT_TITLES[endpoint] ?? 'Request failed';
      dispatch(notify({ level: 'error', title, message: parsed.message }));
    },
  });

  listener.startListening({
    actionCreator: eventReceived,
    effect: (action, { dispatch, getOriginalState }) => {
      const ev = action.payload;
      if (isStale(ev.seq, getOriginalState().events.lastSeq)) return;
      if (RUN_LIFECYCLE_EVENTS.has(ev.type)) {
        const tags: ({ type: 'Sessions' } | { type: 'Session'; id: string })[] = [{ type: 'Sessions' }];
        if (ev.run_id) tags.push({ type: 'Session', id: ev.run_id });
        dispatch(api.util.invalidateTags(tags));
      }
      if (!isFreshEvent(ev)) return;
      const toast = toastForEvent(ev);
      if (toast) dispatch(notify(toast));
    },
  });
}
