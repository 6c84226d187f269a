/**
 * Where the API lives. Served by the backend → same origin, relative base ''. Loaded from file://
 * (Electron) → the shell may set `window.loraStudio.apiBase`; otherwise the default local server.
 */
declare global {
  interface Window {
    loraStudio?: { apiBase?: string };
  }
}

export const DEFAULT_LOCAL_SERVER = 'http://127.0.0.1:8000';

export function apiBase(loc: Pick<Location, 'protocol'> = window.location): string {
  const configured = typeof window !== 'undefined' ? window.loraStudio?.apiBase : undefined;
  if (configured) return configured.replace(/\/+$/, '');
  return loc.protocol === 'file:' ? DEFAULT_LOCAL_SERVER : '';
}

/** Websocket URL for `/ws`, relative to the API base or the page's own origin. */
export function wsUrl(
  afterSeq: number | null,
  loc: Pick<Location, 'protocol' | 'host'> = window.location,
  base: string = apiBase(loc),
): string {
  let origin: string;
  if (base) {
    const u = new URL(base);
    origin = `${u.protocol === 'https:' ? 'wss:' : 'ws:'}//${u.host}`;
  } else {
    origin = `${loc.protocol === 'https:' ? 'wss:' : 'ws:'}//${loc.host}`;
  }
  const query = afterSeq !== null && afterSeq > 0 ? `?after_seq=${afterSeq}` : '';
  return `${origin}/ws${query}`;
}
