// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import {
  appUrl, BackendExitedError, backendSpawnSpec, HealthTimeoutError, makeToken, resolvePython, resolveRepoRoot, stopBackend, waitForHealth,
} from './backend';

describe('backend spawn', () => {
  it('runs `python -m backend serve` on loopback as an argument list, token in the environment', () => {
    const spec = backendSpawnSpec({ python: '/repo/.venv/bin/python', repoRoot: '/repo', port: 43123, token: 'tok', env: { PATH: '/bin', LORA_STUDIO_TOKEN: 'stale' } });
    expect(spec.command).toBe('/repo/.venv/bin/python');
    expect(spec.args).toEqual(['-m', 'backend', 'serve', '--host', '127.0.0.1', '--port', '43123']);
    expect(spec.args.join(' ')).not.toContain('tok');
    expect(spec.options).toMatchObject({ cwd: '/repo', detached: true, shell: false });
    expect(spec.options.env).toMatchObject({ PATH: '/bin', LORA_STUDIO_TOKEN: 'tok' });
    expect(backendSpawnSpec({ python: 'p', repoRoot: '/r', port: 1, token: 't', env: {}, dataDir: '/d' }).args.slice(-2)).toEqual(['--data-dir', '/d']);
  });

  it('finds python: $LORA_STUDIO_PYTHON, else the repo .venv, else python3', () => {
    const none = () => false;
    expect(resolvePython({ env: { LORA_STUDIO_PYTHON: '/opt/py' }, repoRoot: '/repo', platform: 'linux', exists: () => true })).toBe('/opt/py');
    expect(resolvePython({ env: {}, repoRoot: '/repo', platform: 'linux', exists: (f) => f === '/repo/.venv/bin/python' })).toBe('/repo/.venv/bin/python');
    expect(resolvePython({ env: {}, repoRoot: '/repo', platform: 'linux', exists: none })).toBe('python3');
    expect(resolvePython({ env: { LORA_STUDIO_PYTHON: '  ' }, repoRoot: '/repo', platform: 'win32', exists: none })).toBe('python');
  });

  it('derives the repo root from the app dir unless $LORA_STUDIO_ROOT is set', () => {
    expect(resolveRepoRoot({}, '/repo/frontend')).toBe('/repo');
    expect(resolveRepoRoot({ LORA_STUDIO_ROOT: '/elsewhere' }, '/repo/frontend')).toBe('/elsewhere');
  });

  it('opens the SPA with an encoded token and makes 64-hex tokens', () => {
    expect(appUrl(8123, 'a b')).toBe('http://127.0.0.1:8123/?token=a%20b');
    const t = makeToken((n) => new Uint8Array(n).fill(171));
    expect(t).toMatch(/^(ab){32}$/);
  });
});

function clock() {
  let t = 0;
  return { now: () => t, sleep: async (ms: number) => { t += ms; } };
}

describe('waitForHealth', () => {
  it('retries until /health answers ok', async () => {
    const answers = [new Error('ECONNREFUSED'), { ok: false }, { ok: true, body: { status: 'starting' } }, { ok: true, body: { status: 'ok' } }];
    const fetch = vi.fn(async () => {
      const a = answers.shift()!;
      if (a instanceof Error) throw a;
      return { ok: a.ok, json: async () => ('body' in a ? a.body : null) };
    });
    await waitForHealth({ fetch, url: 'http://127.0.0.1:1', timeoutMs: 10_000, ...clock() });
    expect(fetch).toHaveBeenCalledTimes(4);
    expect(fetch).toHaveBeenCalledWith('http://127.0.0.1:1/health');
  });

  it('times out with a clear error', async () => {
    const fetch = vi.fn(async () => { throw new Error('ECONNREFUSED'); });
    await expect(waitForHealth({ fetch, url: 'u', timeoutMs: 1000, intervalMs: 100, ...clock() }))
      .rejects.toThrow(new HealthTimeoutError('The LoRA Studio server did not become ready within 1 s (ECONNREFUSED).'));
    expect(fetch.mock.calls.length).toBe(11);
  });

  it('stops waiting as soon as the server process has exited', async () => {
    const fetch = vi.fn(async () => { throw new Error('refused'); });
    let exited: string | null = null;
    const c = clock();
    const sleep = async (ms: number) => { await c.sleep(ms); exited = 'exit code 2'; };
    await expect(waitForHealth({ fetch, url: 'u', timeoutMs: 60_000, now: c.now, sleep, exited: () => exited })).rejects.toBeInstanceOf(BackendExitedError);
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});

describe('stopBackend', () => {
  it('SIGTERMs the process group, then cleans up the group after a clean exit', async () => {
    const kill = vi.fn();
    const waitForExit = vi.fn(async () => true);
    await expect(stopBackend({ pid: 4242, platform: 'linux', kill, waitForExit, graceMs: 5000 })).resolves.toBe('exited');
    expect(kill.mock.calls).toEqual([[-4242, 'SIGTERM'], [-4242, 'SIGKILL']]);
    expect(waitForExit).toHaveBeenCalledWith(5000);
  });

  it('SIGKILLs the group when the server outlives the grace period', async () => {
    const kill = vi.fn();
    const waitForExit = vi.fn(async () => false);
    await expect(stopBackend({ pid: 7, platform: 'darwin', kill, waitForExit })).resolves.toBe('killed');
    expect(kill.mock.calls).toEqual([[-7, 'SIGTERM'], [-7, 'SIGKILL']]);
    expect(waitForExit.mock.calls[0]).toEqual([25_000]);
  });

  it('treats an already-gone group as stopped, and targets the pid on Windows', async () => {
    const gone = vi.fn(() => { throw Object.assign(new Error('no such process'), { code: 'ESRCH' }); });
    await expect(stopBackend({ pid: 9, platform: 'linux', kill: gone, waitForExit: async () => true })).resolves.toBe('gone');
    const kill = vi.fn();
    await stopBackend({ pid: 9, platform: 'win32', kill, waitForExit: async () => true });
    expect(kill.mock.calls[0]).toEqual([9, 'SIGTERM']);
  });
});
