import type { ListenerMiddlewareInstance } from '@reduxjs/toolkit';
import type { RootState } from '../../app/store';
import { eventReceived } from '../events/eventsSlice';
import { queueApi } from './api';

/** `queue_updated` carries the whole queue: it replaces the cached GET /queue. */
export function registerQueueListeners(listener: ListenerMiddlewareInstance<RootState>): void {
  listener.startListening({
    actionCreator: eventReceived,
    effect: (action, { dispatch }) => {
      const ev = action.payload;
      if (ev.type === 'queue_updated') dispatch(queueApi.util.upsertQueryData('getQueue', undefined, { items: ev.data.items }));
    },
  });
}
