import { createHash } from 'node:crypto';

/**
 * Window hardening: the web preferences, which URLs the window may navigate to, and which may be
 * handed to the system browser. Pure functions; main.ts wires them to Electron's events.
 */

/** The only web preferences the window is created with (tested, so a regression is caught). */
export function secureWebPreferences(preload: string) {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: true,
  } as const;
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** In-window navigation is allowed only within the backend's own origin (scheme, host and port). */
export function isAllowedNavigation(url: string, origin: string): boolean {
  const u = parse(url);
  const o = parse(origin);
  return !!u && !!o && u.origin === o.origin;
}

/** Only http(s) links ever reach the system browser (no file:, javascript:, custom schemes). */
export function isSafeExternalUrl(url: string): boolean {
  const u = parse(url);
  return !!u && (u.protocol === 'http:' || u.protocol === 'https:') && !u.username && !u.password;
}

export type NavigationDecision = { allow: true } | { allow: false; openExternal: string | null };

/**
 * What to do with a navigation or window.open: stay in the app for our origin (window.open of our
 * origin is still denied: one window), send safe external links to the browser, drop the rest.
 */
export function decideNavigation(url: string, origin: string, kind: 'navigate' | 'window-open'): NavigationDecision {
  if (isAllowedNavigation(url, origin)) {
    return kind === 'navigate' ? { allow: true } : { allow: false, openExternal: null };
  }
  return { allow: false, openExternal: isSafeExternalUrl(url) ? url : null };
}

/**
 * Adds the API token to the requests the window makes to the backend: the SPA's own asset requests
 * (script, CSS) cannot carry it, and the server requires it on every path but /health. Requests to
 * any other origin never get it.
 */
export function withAuthHeader(url: string, headers: Record<string, string>, origin: string, token: string): Record<string, string> {
  if (!isAllowedNavigation(url, origin)) return headers;
  const has = Object.keys(headers).some((k) => k.toLowerCase() === 'authorization');
  return has ? headers : { ...headers, Authorization: `Bearer ${token}` };
}

/** Permission requests (camera, notifications, …) are refused: the studio needs none. */
export function allowPermission(permission: string): boolean {
  return permission === 'clipboard-sanitized-write';
}

/**
 * CSP hashes of the inline scripts of the built index.html (its theme-before-first-paint snippet),
 * read by the shell at start-up so the policy needs no 'unsafe-inline' for scripts.
 */
export function inlineScriptHashes(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)) {
    const body = m[1] ?? '';
    if (body.trim()) out.push(`'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
  }
  return out;
}

/**
 * Content-Security-Policy for the SPA's pages in the window (the server sets none): scripts, styles
 * and connections only from the backend itself (inline style attributes are used for progress bars).
 */
export function contentSecurityPolicy(origin: string, scriptHashes: string[] = []): string {
  const ws = origin.replace(/^http/, 'ws');
  return [
    "default-src 'self'",
    ["script-src 'self'", ...scriptHashes].join(' '),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self' ${ws}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ');
}

/** The SPA's HTML from the backend gets the policy; /docs (Swagger loads from a CDN) and other origins do not. */
export function withCsp(url: string, headers: Record<string, string[] | string>, origin: string, scriptHashes: string[] = []): Record<string, string[] | string> {
  if (!isAllowedNavigation(url, origin)) return headers;
  const path = new URL(url).pathname;
  if (path !== '/' && path !== '/index.html') return headers;
  return { ...headers, 'Content-Security-Policy': [contentSecurityPolicy(origin, scriptHashes)] };
}
