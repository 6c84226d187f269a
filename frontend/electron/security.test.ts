// @vitest-environment node
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  allowPermission, contentSecurityPolicy, decideNavigation, isAllowedNavigation, isSafeExternalUrl, secureWebPreferences, withAuthHeader, withCsp, inlineScriptHashes,
} from './security';

const ORIGIN = 'http://127.0.0.1:43123';

describe('window security', () => {
  it('creates the window isolated, sandboxed, without Node and with web security', () => {
    expect(secureWebPreferences('/app/preload.cjs')).toMatchObject({
      preload: '/app/preload.cjs', contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true,
      allowRunningInsecureContent: false, webviewTag: false,
    });
  });

  it('allows navigation only within the backend origin', () => {
    expect(isAllowedNavigation(`${ORIGIN}/#/compare`, ORIGIN)).toBe(true);
    expect(isAllowedNavigation(`${ORIGIN}/docs`, ORIGIN)).toBe(true);
    for (const url of ['http://127.0.0.1:8000/', 'https://127.0.0.1:43123/', 'http://localhost:43123/', 'file:///etc/passwd', 'javascript:alert(1)', 'not a url', `http://127.0.0.1:43123@evil.example/`]) {
      expect(isAllowedNavigation(url, ORIGIN), url).toBe(false);
    }
  });

  it('hands only http(s) links to the system browser', () => {
    expect(isSafeExternalUrl('https://github.com/ml-explore/mlx')).toBe(true);
    expect(isSafeExternalUrl('http://example.com')).toBe(true);
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'vscode://x', 'https://user:pw@example.com/']) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
  });

  it('decides navigations and window.open', () => {
    expect(decideNavigation(`${ORIGIN}/#/setup`, ORIGIN, 'navigate')).toEqual({ allow: true });
    expect(decideNavigation(`${ORIGIN}/docs`, ORIGIN, 'window-open')).toEqual({ allow: false, openExternal: null });
    expect(decideNavigation('https://huggingface.co/', ORIGIN, 'navigate')).toEqual({ allow: false, openExternal: 'https://huggingface.co/' });
    expect(decideNavigation('https://huggingface.co/', ORIGIN, 'window-open')).toEqual({ allow: false, openExternal: 'https://huggingface.co/' });
    expect(decideNavigation('file:///tmp/x.html', ORIGIN, 'navigate')).toEqual({ allow: false, openExternal: null });
  });

  it('adds the token only to requests for the backend origin', () => {
    expect(withAuthHeader(`${ORIGIN}/assets/index.js`, { Accept: '*/*' }, ORIGIN, 't')).toEqual({ Accept: '*/*', Authorization: 'Bearer t' });
    expect(withAuthHeader('https://cdn.example/x.js', { Accept: '*/*' }, ORIGIN, 't')).toEqual({ Accept: '*/*' });
    expect(withAuthHeader(`${ORIGIN}/sessions`, { authorization: 'Bearer mine' }, ORIGIN, 't')).toEqual({ authorization: 'Bearer mine' });
  });

  it('refuses permission requests', () => {
    expect(allowPermission('media')).toBe(false);
    expect(allowPermission('notifications')).toBe(false);
  });
});

describe('content security policy', () => {
  it('locks the SPA page to its own origin and websocket', () => {
    const csp = contentSecurityPolicy(ORIGIN);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:43123`);
    expect(csp).toContain("object-src 'none'");
    expect(withCsp(`${ORIGIN}/`, { 'content-type': ['text/html'] }, ORIGIN)['Content-Security-Policy']).toEqual([csp]);
    expect(withCsp(`${ORIGIN}/docs`, {}, ORIGIN)).toEqual({});
    expect(withCsp('https://example.com/', {}, ORIGIN)).toEqual({});
  });

  it("allows index.html's inline scripts by hash, not with 'unsafe-inline'", () => {
    const html = '<head><script>\n  var t = 1;\n</script><script type="module" src="./assets/index.js"></script></head>';
    const hashes = inlineScriptHashes(html);
    // sha256 of "\n  var t = 1;\n", base64 (what a browser computes for the element's text)
    expect(hashes).toEqual(["'sha256-" + createHash('sha256').update('\n  var t = 1;\n').digest('base64') + "'"]);
    expect(contentSecurityPolicy(ORIGIN, hashes)).toContain(`script-src 'self' ${hashes[0]}`);
    expect(contentSecurityPolicy(ORIGIN, hashes)).not.toContain("script-src 'self' 'unsafe-inline'");
  });
});
