import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiToken, authHeaders, captureTokenFromUrl, wsUrl } from './env';
import { getBridge } from './electronBridge';

describe('API token from the URL (Electron shell)', () => {
  afterEach(() => window.sessionStorage.clear());

  it('moves ?token= into sessionStorage and out of the address bar', () => {
    const replaceState = vi.fn();
    expect(captureTokenFromUrl({ search: '?token=abc123&x=1', pathname: '/', hash: '#/compare' }, { replaceState })).toBe('abc123');
    expect(replaceState).toHaveBeenCalledWith(null, '', '/?x=1#/compare');
    expect(apiToken()).toBe('abc123');
    expect(authHeaders()).toEqual({ Authorization: 'Bearer abc123' });
    expect(wsUrl(5, { protocol: 'http:', host: '127.0.0.1:9000' }, '')).toBe('ws://127.0.0.1:9000/ws?after_seq=5&token=abc123');
    // a reload (no token in the URL any more) keeps using it
    expect(captureTokenFromUrl({ search: '', pathname: '/', hash: '' }, { replaceState })).toBe('abc123');
    expect(replaceState).toHaveBeenCalledTimes(1);
  });

  it('sends nothing extra without a token', () => {
    expect(authHeaders(null)).toEqual({});
    expect(wsUrl(0, { protocol: 'http:', host: 'h' }, '', null)).toBe('ws://h/ws');
  });
});

describe('Electron bridge detection', () => {
  it('accepts a complete bridge and ignores a partial one', () => {
    const clipboard = { readText: async () => '', writeText: async () => undefined };
    const full = { clipboard, openFile: async () => null, selectDirectory: async () => null, onMenu: () => () => {}, platform: 'linux' };
    expect(getBridge({ electronAPI: full })).toBe(full);
    expect(getBridge({ electronAPI: { ...full, clipboard: {} } as never })).toBeNull();
    expect(getBridge({})).toBeNull();
  });
});
