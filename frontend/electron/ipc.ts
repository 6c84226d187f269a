/**
 * Main-process IPC handlers behind the bridge. Each handler checks that the call comes from the app
 * window showing the backend origin (a frame from anywhere else gets nothing) and validates its input.
 */
import { CHANNELS, MAX_CLIPBOARD_CHARS, sanitizeFilters } from './shared/bridgeApi';
import { isAllowedNavigation } from './security';

export interface InvokeEvent {
  senderFrame?: { url: string } | null;
}
export interface MainIpc {
  handle(channel: string, handler: (event: InvokeEvent, ...args: unknown[]) => unknown): void;
}
export interface DialogLike {
  showOpenDialog(options: {
    title?: string;
    properties: ('openFile' | 'openDirectory' | 'createDirectory')[];
    filters?: { name: string; extensions: string[] }[];
  }): Promise<{ canceled: boolean; filePaths: string[] }>;
}
export interface ClipboardLike {
  readText(): string;
  writeText(text: string): void;
}

export interface IpcDeps {
  ipc: MainIpc;
  dialog: DialogLike;
  clipboard: ClipboardLike;
  /** The backend origin the window is allowed to show (null before the backend is up). */
  origin: () => string | null;
}

export class ForbiddenSenderError extends Error {
  override name = 'ForbiddenSenderError';
}

export function assertTrustedSender(event: InvokeEvent, origin: string | null): void {
  const url = event.senderFrame?.url;
  if (!origin || !url || !isAllowedNavigation(url, origin)) throw new ForbiddenSenderError('IPC from an untrusted frame');
}

export async function pickPath(dialog: DialogLike, kind: 'file' | 'directory', filters?: unknown): Promise<string | null> {
  const clean = sanitizeFilters(filters);
  const res = await dialog.showOpenDialog(
    kind === 'file'
      ? { title: 'Open file', properties: ['openFile'], ...(clean.length ? { filters: clean } : {}) }
      : { title: 'Choose a folder', properties: ['openDirectory'] },
  );
  return res.canceled ? null : res.filePaths[0] ?? null;
}

export function registerIpcHandlers({ ipc, dialog, clipboard, origin }: IpcDeps): void {
  const guarded = (fn: (...args: unknown[]) => unknown) => (event: InvokeEvent, ...args: unknown[]) => {
    assertTrustedSender(event, origin());
    return fn(...args);
  };
  ipc.handle(CHANNELS.clipboardRead, guarded(() => clipboard.readText()));
  ipc.handle(CHANNELS.clipboardWrite, guarded((text) => {
    if (typeof text !== 'string' || text.length > MAX_CLIPBOARD_CHARS) throw new TypeError('writeText expects a string under the size limit');
    clipboard.writeText(text);
  }));
  ipc.handle(CHANNELS.openFile, guarded((filters) => pickPath(dialog, 'file', filters)));
  ipc.handle(CHANNELS.selectDirectory, guarded(() => pickPath(dialog, 'directory')));
}
