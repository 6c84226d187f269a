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

const TOKEN_KEY = 'lora-studio.token';
let memoryToken: string | null = null;

/**
 * The API token, when the server requires one (the Electron shell opens `/?token=…`; a user may too).
 * Taken from the URL once, kept in sessionStorage (this tab only, survives reloads) and removed from
 * the address bar so it does not end up in history, bookmarks or screenshots.
 */
export function captureTokenFromUrl(loc: Pick<Location, 'search' | 'pathname' | 'hash'> = window.location, history: Pick<History, 'replaceState'> = window.history): string | null {
  const params = new URLSearchParams(loc.search);
  const token = params.get('token');
  if (!token) return apiToken();
  memoryToken = token;
  try {
    window.sessionStorage.setItem(TOKEN_KEY, token);
  } catch {
    /* storage unavailable: the in-memory copy serves this page */
  }
  params.delete('token');
  const rest = params.toString();
  history.replaceState(null, '', `${loc.pathname}${rest ? `?${rest}` : ''}${loc.hash}`);
  return token;
}

export function apiToken(): string | null {
  if (memoryToken) return memoryToken;
  try {
    return window.sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

/** Headers every request to the API carries (the bearer token when there is one). */
export function authHeaders(token: string | null = apiToken()): Record<string, string> {
  return token ? { Authorization: `Bearer ${token}` } : {};
}

/** Websocket URL for `/ws`, relative to the API base or the page's own origin (browsers cannot set
 * headers on a websocket, so the token goes in the query). */
export function wsUrl(
  afterSeq: number | null,
  loc: Pick<Location, 'protocol' | 'host'> = window.location,
  base: string = apiBase(loc),
  token: string | null = apiToken(),
): string {
  let origin: string;
  if (base) {
    const u = new URL(base);
    origin = `${u.protocol === 'https:' ? 'wss:' : 'ws:'}//${u.host}`;
  } else {
    origin = `${loc.protocol === 'https:' ? 'wss:' : 'ws:'}//${loc.host}`;
  }
  const params = new URLSearchParams();
  if (afterSeq !== null && afterSeq > 0) params.set('after_seq', String(afterSeq));
  if (token) params.set('token', token);
  const query = params.toString();
  return `${origin}/ws${query ? `?${query}` : ''}`;
}
