import type { ListenerMiddlewareInstance } from '@reduxjs/toolkit';
import { api } from '../../app/api';
import type { RootState } from '../../app/store';
import { eventReceived } from '../events/eventsSlice';
import { compareApi } from './api';
import { persist } from './compareSlice';
import { isTerminal } from './types';

/**
 * Keeps Compare's server state live from the one websocket (no socket of its own): the loaded
 * session, evaluation progress (patched into the cached GET /evaluation/{id}) and completion
 * (refetch the result); and saves the history to localStorage when it changes.
 */
export function registerCompareListeners(listener: ListenerMiddlewareInstance<RootState>): void {
  listener.startListening({
    actionCreator: eventReceived,
    effect: (action, { dispatch }) => {
      const ev = action.payload;
      if (ev.type === 'session_loaded') {
        dispatch(compareApi.util.upsertQueryData('getLoadedSession', undefined, { session_id: ev.data.session_id }));
      } else if (ev.type === 'evaluation_progress') {
        dispatch(compareApi.util.updateQueryData('getEvaluation', ev.data.evaluation_id, (draft) => {
          if (isTerminal(draft.state)) return;
          draft.state = 'running';
          draft.progress = Math.max(draft.progress ?? 0, ev.data.progress);
          draft.phase = ev.data.phase;
        }));
      } else if (ev.type === 'evaluation_completed') {
        const tags: ({ type: 'Evaluation'; id: string } | { type: 'Session'; id: string })[] = [{ type: 'Evaluation', id: ev.data.evaluation_id }];
        if (ev.run_id) tags.push({ type: 'Session', id: ev.run_id });
        dispatch(api.util.invalidateTags(tags));
      }
    },
  });

  listener.startListening({
    predicate: (action, current, previous) => action.type.startsWith('compare/') && (
      current.compare.history !== previous.compare.history
      || current.compare.settings !== previous.compare.settings
      || current.compare.evalSettings !== previous.compare.evalSettings),
    effect: (_action, { getState }) => persist(getState().compare),
  });
}
