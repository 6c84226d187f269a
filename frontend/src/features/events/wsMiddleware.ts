import type { Middleware } from '@reduxjs/toolkit';
import { wsUrl } from '../../app/env';
import { backoffDelay } from './backoff';
import { parseServerEvent } from './eventTypes';
import {
  connectionChanged, eventReceived, isStale, persistSeq, wsConnect, wsDisconnect, wsReconnectNow,
  type EventsState,
} from './eventsSlice';

type SocketLike = Pick<WebSocket, 'close'> & {
  onopen: ((ev: Event) => unknown) | null;
  onmessage: ((ev: MessageEvent) => unknown) | null;
  onclose: ((ev: CloseEvent) => unknown) | null;
  onerror: ((ev: Event) => unknown) | null;
};

export interface WsMiddlewareOptions {
  /** Constructor of the socket (tests pass a fake). */
  createSocket?: (url: string) => SocketLike;
  /** URL for a given `after_seq` (0 = none seen). */
  buildUrl?: (afterSeq: number) => string;
  delay?: (attempt: number) => number;
  persist?: (seq: number) => void;
}

/**
 * The one websocket: connects on `wsConnect`, feeds every new event into the store as
 * `eventReceived`, reconnects with back-off and resumes with `?after_seq=<last seen seq>`, so a
 * dropped connection (or a reload of this tab) loses no events.
 */
export function createWsMiddleware(options: WsMiddlewareOptions = {}): Middleware<object, { events: EventsState }> {
  const createSocket = options.createSocket ?? ((url: string) => new WebSocket(url));
  const buildUrl = options.buildUrl ?? ((afterSeq: number) => wsUrl(afterSeq));
  const delay = options.delay ?? ((attempt: number) => backoffDelay(attempt));
  const persist = options.persist ?? persistSeq;

  return (store) => {
    let socket: SocketLike | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let wanted = false;
    let attempt = 0;

    const clearTimer = () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    };

    const scheduleReconnect = () => {
      if (!wanted || timer !== null) return;
      const wait = delay(attempt);
      attempt += 1;
      store.dispatch(connectionChanged({ connection: 'reconnecting', attempt, nextRetryAt: Date.now() + wait }));
      timer = setTimeout(() => {
        timer = null;
        open();
      }, wait);
    };

    const open = () => {
      if (!wanted || socket) return;
      const url = buildUrl(store.getState().events.lastSeq);
      store.dispatch(connectionChanged({ connection: 'connecting', attempt }));
      let ws: SocketLike;
      try {
        ws = createSocket(url);
      } catch {
        scheduleReconnect();
        return;
      }
      socket = ws;
      ws.onopen = () => {
        attempt = 0;
        store.dispatch(connectionChanged({ connection: 'open', attempt: 0 }));
      };
      ws.onmessage = (msg: MessageEvent) => {
        if (typeof msg.data !== 'string') return;
        const ev = parseServerEvent(msg.data);
        if (!ev) return;
        if (ev.type !== 'training_state' && isStale(ev.seq, store.getState().events.lastSeq)) return;
        store.dispatch(eventReceived(ev));
        if (ev.seq !== null) persist(store.getState().events.lastSeq);
      };
      ws.onerror = () => {
        /* a close event follows; the reconnect is scheduled there */
      };
      ws.onclose = () => {
        if (socket !== ws) return;
        socket = null;
        if (wanted) scheduleReconnect();
        else store.dispatch(connectionChanged({ connection: 'closed' }));
      };
    };

    return (next) => (action) => {
      if (wsConnect.match(action)) {
        wanted = true;
        if (!socket && timer === null) open();
        return next(action);
      }
      if (wsReconnectNow.match(action)) {
        wanted = true;
        clearTimer();
        attempt = 0;
        if (!socket) open();
        return next(action);
      }
      if (wsDisconnect.match(action)) {
        wanted = false;
        clearTimer();
        const s = socket;
        socket = null;
        s?.close();
        store.dispatch(connectionChanged({ connection: 'closed' }));
        return next(action);
      }
      return next(action);
    };
  };
}
