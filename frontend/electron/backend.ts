/**
 * The backend child process: how it is started, how we wait for it, how it is stopped. Pure functions
 * over injected dependencies (spawn, fetch, kill, clock), so the shell's logic is unit-tested without
 * Electron or Python.
 */
import path from 'node:path';

export const LOOPBACK = '127.0.0.1';

export interface PythonLookup {
  env: Record<string, string | undefined>;
  repoRoot: string;
  platform: string;
  exists: (file: string) => boolean;
}

/** $LORA_STUDIO_PYTHON, else the repo's .venv (from `make install`), else python3 on the PATH. */
export function resolvePython({ env, repoRoot, platform, exists }: PythonLookup): string {
  const configured = env.LORA_STUDIO_PYTHON?.trim();
  if (configured) return configured;
  const venv = platform === 'win32' ? path.join(repoRoot, '.venv', 'Scripts', 'python.exe') : path.join(repoRoot, '.venv', 'bin', 'python');
  if (exists(venv)) return venv;
  return platform === 'win32' ? 'python' : 'python3';
}

/** $LORA_STUDIO_ROOT, else the checkout this shell was built in (frontend/ is the app dir). */
export function resolveRepoRoot(env: Record<string, string | undefined>, appPath: string): string {
  const configured = env.LORA_STUDIO_ROOT?.trim();
  return configured ? path.resolve(configured) : path.resolve(appPath, '..');
}

export interface SpawnSpec {
  command: string;
  args: string[];
  options: {
    cwd: string;
    env: Record<string, string | undefined>;
    detached: boolean;
    shell: false;
    stdio: ['ignore', 'pipe', 'pipe'];
    windowsHide: boolean;
  };
}

/**
 * `python -m backend serve` on loopback. An argument list and `shell: false`: nothing is ever parsed
 * by a shell. The token goes in the environment, not argv, so other local users cannot read it from
 * the process list. `detached` gives the server its own process group, so stopping the group also
 * stops the training runners it started (no orphans).
 */
export function backendSpawnSpec(o: { python: string; repoRoot: string; port: number; token: string; env: Record<string, string | undefined>; dataDir?: string }): SpawnSpec {
  const args = ['-m', 'backend', 'serve', '--host', LOOPBACK, '--port', String(o.port)];
  if (o.dataDir) args.push('--data-dir', o.dataDir);
  return {
    command: o.python,
    args,
    options: {
      cwd: o.repoRoot,
      env: { ...o.env, LORA_STUDIO_TOKEN: o.token, PYTHONUNBUFFERED: '1' },
      detached: true,
      shell: false,
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
    },
  };
}

export function backendOrigin(port: number): string {
  return `http://${LOOPBACK}:${port}`;
}

/** The URL the window opens: the SPA with the token, which it moves to sessionStorage at once. */
export function appUrl(port: number, token: string): string {
  return `${backendOrigin(port)}/?token=${encodeURIComponent(token)}`;
}

export class HealthTimeoutError extends Error {
  override name = 'HealthTimeoutError';
}
export class BackendExitedError extends Error {
  override name = 'BackendExitedError';
}

type FetchLike = (url: string, init?: { signal?: AbortSignal }) => Promise<{ ok: boolean; json(): Promise<unknown> }>;

export interface HealthWaitOptions {
  fetch: FetchLike;
  url: string;
  timeoutMs: number;
  intervalMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Returns an exit description once the process has died (stop waiting at once), else null. */
  exited?: () => string | null;
}

/** Polls GET /health until it answers {status: "ok"}; rejects on timeout or when the server exits. */
export async function waitForHealth(o: HealthWaitOptions): Promise<void> {
  const now = o.now ?? Date.now;
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const interval = o.intervalMs ?? 250;
  const deadline = now() + o.timeoutMs;
  let last = 'no answer yet';
  for (;;) {
    const gone = o.exited?.();
    if (gone) throw new BackendExitedError(`The LoRA Studio server exited before it was ready (${gone}).`);
    try {
      const res = await o.fetch(`${o.url}/health`);
      if (res.ok) {
        const body = (await res.json()) as { status?: unknown } | null;
        if (body && body.status === 'ok') return;
        last = 'unexpected /health answer';
      } else {
        last = 'HTTP error from /health';
      }
    } catch (err) {
      last = err instanceof Error ? err.message : String(err);
    }
    if (now() >= deadline) {
      throw new HealthTimeoutError(`The LoRA Studio server did not become ready within ${Math.round(o.timeoutMs / 1000)} s (${last}).`);
    }
    await sleep(interval);
  }
}

export interface StopOptions {
  pid: number;
  platform: string;
  kill: (pid: number, signal: NodeJS.Signals) => void;
  /** Resolves true once the process has exited, false after `ms`. */
  waitForExit: (ms: number) => Promise<boolean>;
  graceMs?: number;
}

/**
 * SIGTERM to the whole process group (negative pid): the server stops its runs gracefully (adapters
 * saved); SIGKILL to the group if it is still there after the grace period. Returns how it ended.
 */
export async function stopBackend(o: StopOptions): Promise<'exited' | 'killed' | 'gone'> {
  // Longer than the server's own shutdown (a run gets up to 10 s to save, then 10 s after SIGKILL).
  const grace = o.graceMs ?? 25_000;
  // Windows has no process groups; there the server's own shutdown stops its runs.
  const target = o.platform === 'win32' ? o.pid : -o.pid;
  try {
    o.kill(target, 'SIGTERM');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ESRCH') return 'gone';
    throw err;
  }
  if (await o.waitForExit(grace)) {
    // The server is gone; a runner that ignored the group's SIGTERM must not outlive it.
    try {
      o.kill(target, 'SIGKILL');
    } catch {
      /* nothing left in the group: the normal case */
    }
    return 'exited';
  }
  try {
    o.kill(target, 'SIGKILL');
  } catch {
    /* exited between the check and the kill */
  }
  await o.waitForExit(2_000);
  return 'killed';
}

/** Hex token from injected random bytes (crypto.randomBytes in the shell). */
export function makeToken(randomBytes: (n: number) => Uint8Array): string {
  return Array.from(randomBytes(32), (b) => b.toString(16).padStart(2, '0')).join('');
}
