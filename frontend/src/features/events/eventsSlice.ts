import { createAction, createSlice, type PayloadAction } from '@reduxjs/toolkit';
import type { ServerEvent } from './eventTypes';

export type ConnectionStatus = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface EventsState {
  connection: ConnectionStatus;
  /** Highest event seq seen; 0 = none. Sent back as `after_seq` on (re)connect. */
  lastSeq: number;
  /** Consecutive failed connection attempts (drives the back-off). */
  attempt: number;
  /** When the next reconnect is scheduled (ms since epoch), if any. */
  nextRetryAt: number | null;
}

const SEQ_KEY = 'lora-studio.lastSeq';

/** The last seq survives a page reload of this tab (sessionStorage), so the replay resumes there. */
export function loadPersistedSeq(): number {
  try {
    const v = Number(window.sessionStorage.getItem(SEQ_KEY));
    return Number.isInteger(v) && v > 0 ? v : 0;
  } catch {
    return 0;
  }
}

export function persistSeq(seq: number): void {
  try {
    window.sessionStorage.setItem(SEQ_KEY, String(seq));
  } catch {
    /* storage unavailable: replay starts from the server's current state */
  }
}

export const initialEventsState: EventsState = { connection: 'idle', lastSeq: 0, attempt: 0, nextRetryAt: null };

/** Middleware commands. */
export const wsConnect = createAction('events/wsConnect');
export const wsDisconnect = createAction('events/wsDisconnect');
export const wsReconnectNow = createAction('events/wsReconnectNow');

/** True when an event with this seq has already been applied (duplicates and replays of old seqs). */
export function isStale(seq: number | null, lastSeq: number): boolean {
  return seq !== null && seq <= lastSeq;
}

const eventsSlice = createSlice({
  name: 'events',
  initialState: initialEventsState,
  reducers: {
    connectionChanged(
      state,
      action: PayloadAction<{ connection: ConnectionStatus; attempt?: number; nextRetryAt?: number | null }>,
    ) {
      state.connection = action.payload.connection;
      if (action.payload.attempt !== undefined) state.attempt = action.payload.attempt;
      state.nextRetryAt = action.payload.nextRetryAt ?? null;
    },
    eventReceived(state, action: PayloadAction<ServerEvent>) {
      const ev = action.payload;
      if (ev.type === 'training_state') {
        // `last_seq` = the newest stored event when the snapshot was taken. A fresh client (nothing
        // seen yet) takes the snapshot plus HTTP back-fill as its starting point and skips the
        // older backlog; a client ahead of the server (event log restarted) follows it again.
        const serverLast = ev.data.last_seq;
        if (typeof serverLast === 'number' && (state.lastSeq === 0 || serverLast < state.lastSeq)) state.lastSeq = serverLast;
        return;
      }
      if (isStale(ev.seq, state.lastSeq)) return;
      if (ev.seq !== null) state.lastSeq = ev.seq;
    },
  },
});

export const { connectionChanged, eventReceived } = eventsSlice.actions;
export default eventsSlice.reducer;
