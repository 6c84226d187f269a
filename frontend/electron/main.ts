/**
 * Electron main process: starts the backend, waits for it, opens one hardened window on it, wires the
 * menu and the bridge's IPC, and stops the backend's whole process group on quit. The decisions live
 * in backend.ts / security.ts / ipc.ts / menu.ts (unit-tested); this file only connects them to Electron.
 */
import { app, BrowserWindow, clipboard, dialog, ipcMain, Menu, session, shell } from 'electron';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import {
  appUrl, backendOrigin, backendSpawnSpec, makeToken, resolvePython, resolveRepoRoot, stopBackend, waitForHealth,
} from './backend';
import { registerIpcHandlers } from './ipc';
import { buildMenuTemplate, TRAINING_DATA_FILTERS } from './menu';
import { allowPermission, decideNavigation, inlineScriptHashes, secureWebPreferences, withAuthHeader, withCsp } from './security';
import { CHANNELS, type MenuCommand } from './shared/bridgeApi';

const HEALTH_TIMEOUT_MS = Number(process.env.LORA_STUDIO_HEALTH_TIMEOUT_MS) || 90_000;
const LOG_LINES = 40;

let backend: ChildProcess | null = null;
let exitInfo: string | null = null;
let origin: string | null = null;
let win: BrowserWindow | null = null;
let stopping: Promise<unknown> | null = null;
const logTail: string[] = [];

function remember(chunk: Buffer) {
  const text = chunk.toString('utf8');
  process.stdout.write(text);
  logTail.push(...text.split(/\r?\n/).filter(Boolean));
  logTail.splice(0, Math.max(0, logTail.length - LOG_LINES));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === 'object' ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

function fail(title: string, message: string): void {
  const tail = logTail.length ? `\n\nLast server output:\n${logTail.slice(-15).join('\n')}` : '';
  dialog.showErrorBox(title, message + tail);
  void quit();
}

function waitForExit(ms: number): Promise<boolean> {
  const proc = backend;
  if (!proc || proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const t = setTimeout(() => resolve(false), ms);
    proc.once('exit', () => {
      clearTimeout(t);
      resolve(true);
    });
  });
}

async function quit(): Promise<void> {
  stopping ??= (async () => {
    const proc = backend;
    if (proc?.pid && proc.exitCode === null && proc.signalCode === null) {
      await stopBackend({ pid: proc.pid, platform: process.platform, kill: (pid, sig) => process.kill(pid, sig), waitForExit });
    }
  })();
  await stopping;
  app.exit(0);
}

async function startBackend(repoRoot: string, token: string): Promise<number> {
  const port = await freePort();
  const python = resolvePython({ env: process.env, repoRoot, platform: process.platform, exists: existsSync });
  const spec = backendSpawnSpec({ python, repoRoot, port, token, env: process.env, dataDir: process.env.LORA_STUDIO_HOME });
  const proc = spawn(spec.command, spec.args, spec.options);
  backend = proc;
  proc.stdout?.on('data', remember);
  proc.stderr?.on('data', remember);
  proc.once('error', (err) => {
    exitInfo = `could not start ${python}: ${err.message}`;
  });
  proc.once('exit', (code, signal) => {
    exitInfo ??= signal ? `killed by ${signal}` : `exit code ${code}`;
    if (!stopping && win) fail('LoRA Studio server stopped', `The server exited unexpectedly (${exitInfo}).`);
  });
  await waitForHealth({ fetch: (u, init) => fetch(u, init), url: backendOrigin(port), timeoutMs: HEALTH_TIMEOUT_MS, exited: () => exitInfo });
  return port;
}

function hardenSessions(token: string, scriptHashes: string[]) {
  session.defaultSession.setPermissionRequestHandler((_wc, permission, cb) => cb(allowPermission(permission)));
  session.defaultSession.webRequest.onBeforeSendHeaders((details, cb) => {
    cb({ requestHeaders: origin ? withAuthHeader(details.url, details.requestHeaders, origin, token) : details.requestHeaders });
  });
  session.defaultSession.webRequest.onHeadersReceived((details, cb) => {
    cb({ responseHeaders: origin && details.responseHeaders ? withCsp(details.url, details.responseHeaders, origin, scriptHashes) : details.responseHeaders });
  });
  app.on('web-contents-created', (_e, contents) => {
    const guard = (event: { preventDefault(): void }, url: string) => {
      const d = decideNavigation(url, origin ?? 'null:', 'navigate');
      if (d.allow) return;
      event.preventDefault();
      if (d.openExternal) void shell.openExternal(d.openExternal);
    };
    contents.on('will-navigate', guard);
    contents.on('will-redirect', guard);
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      const d = decideNavigation(url, origin ?? 'null:', 'window-open');
      if (!d.allow && d.openExternal) void shell.openExternal(d.openExternal);
      return { action: 'deny' };
    });
  });
}

function send(command: MenuCommand) {
  win?.webContents.send(CHANNELS.menu, command);
}

async function main() {
  const repoRoot = resolveRepoRoot(process.env, app.getAppPath());
  if (!existsSync(path.join(repoRoot, 'backend', '__init__.py'))) {
    return fail('LoRA Studio not found', `No backend package under ${repoRoot}. Set LORA_STUDIO_ROOT to the LoRA Studio checkout.`);
  }
  const indexHtml = path.join(repoRoot, 'frontend', 'dist', 'index.html');
  if (!existsSync(indexHtml)) {
    return fail('Web UI not built', 'Build the web UI first: `make frontend` (or `cd frontend && npm run build`).');
  }
  const token = makeToken((n) => randomBytes(n));
  hardenSessions(token, inlineScriptHashes(readFileSync(indexHtml, 'utf8')));
  registerIpcHandlers({ ipc: ipcMain, dialog, clipboard, origin: () => origin });
  const template = buildMenuTemplate({
    platform: process.platform,
    send,
    chooseTrainingData: async () => {
      const res = await dialog.showOpenDialog({ title: 'Open training data', properties: ['openFile'], filters: TRAINING_DATA_FILTERS });
      return res.canceled ? null : res.filePaths[0] ?? null;
    },
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template as Electron.MenuItemConstructorOptions[]));

  let port: number;
  try {
    port = await startBackend(repoRoot, token);
  } catch (err) {
    return fail('LoRA Studio server did not start', `${err instanceof Error ? err.message : String(err)}\n\nPython: set LORA_STUDIO_PYTHON, or run \`make install\` to create the repo's .venv.`);
  }
  origin = backendOrigin(port);
  win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 375,
    title: 'LoRA Studio',
    show: false,
    webPreferences: secureWebPreferences(path.join(__dirname, 'preload.cjs')),
  });
  win.once('ready-to-show', () => win?.show());
  win.on('closed', () => {
    win = null;
  });
  await win.loadURL(appUrl(port, token));
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (win?.isMinimized()) win.restore();
    win?.focus();
  });
  app.on('window-all-closed', () => void quit());
  app.on('before-quit', (event) => {
    if (stopping) return;
    event.preventDefault();
    void quit();
  });
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => void quit());
  // Last resort (e.g. an uncaught error): never leave the server's group behind.
  process.on('exit', () => {
    if (backend?.pid && backend.exitCode === null && process.platform !== 'win32') {
      try {
        process.kill(-backend.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
  });
  void app.whenReady().then(main);
}
