import { useSyncExternalStore } from 'react';

/** Hash routing: works from the backend origin and from file:// (Electron) alike. */
export const ROUTES = ['setup', 'enhanced', 'training', 'compare', 'sessions'] as const;
export type RouteName = (typeof ROUTES)[number];

export interface Route {
  name: RouteName;
  /** Remaining path segments, e.g. the session id in #/sessions/<id>. */
  params: string[];
}

export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const name = (ROUTES as readonly string[]).includes(parts[0] ?? '') ? (parts[0] as RouteName) : 'setup';
  return { name, params: parts.slice(1) };
}

export function navigate(path: string): void {
  const target = `#/${path.replace(/^[#/]+/, '')}`;
  if (window.location.hash !== target) window.location.hash = target;
}

const subscribe = (cb: () => void) => {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
};

export function useHashRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash, () => '');
  return parseHash(hash);
}
