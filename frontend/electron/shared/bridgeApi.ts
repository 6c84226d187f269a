/**
 * The contract between the Electron shell and the SPA, declared once. Pure types and constants (no
 * Electron or DOM imports), so the main process, the preload and the SPA all compile against it.
 */

/** A file-type filter for the open dialog, as Electron's dialog takes it. */
export interface FileFilter {
  name: string;
  extensions: string[];
}

/** Commands the application menu sends to the SPA. */
export type MenuCommand =
  | { type: 'open-training-data'; path: string }
  | { type: 'start-training' }
  | { type: 'stop-training' }
  | { type: 'toggle-theme' };

export type MenuCommandType = MenuCommand['type'];

/** What `window.electronAPI` exposes (and nothing more: no ipcRenderer, no Node). */
export interface ElectronAPI {
  clipboard: {
    readText(): Promise<string>;
    writeText(text: string): Promise<void>;
  };
  /** A native open-file dialog; resolves to the chosen path, or null when cancelled. */
  openFile(filters?: FileFilter[]): Promise<string | null>;
  /** A native choose-folder dialog; resolves to the chosen path, or null when cancelled. */
  selectDirectory(): Promise<string | null>;
  /** Subscribes to application-menu commands; returns the unsubscribe function. */
  onMenu(callback: (command: MenuCommand) => void): () => void;
  platform: string;
}

/** IPC channel names (renderer → main are `invoke`d, main → renderer is `menu`). */
export const CHANNELS = {
  clipboardRead: 'clipboard:readText',
  clipboardWrite: 'clipboard:writeText',
  openFile: 'dialog:openFile',
  selectDirectory: 'dialog:selectDirectory',
  menu: 'menu:command',
} as const;

export const MENU_COMMAND_TYPES: readonly MenuCommandType[] = ['open-training-data', 'start-training', 'stop-training', 'toggle-theme'];

/** Clipboard writes larger than this are refused (a renderer should never need more). */
export const MAX_CLIPBOARD_CHARS = 1_000_000;

/** Validates a menu command received over IPC (the page only ever sees well-formed ones). */
export function isMenuCommand(value: unknown): value is MenuCommand {
  if (!value || typeof value !== 'object') return false;
  const v = value as { type?: unknown; path?: unknown };
  if (typeof v.type !== 'string' || !(MENU_COMMAND_TYPES as readonly string[]).includes(v.type)) return false;
  return v.type !== 'open-training-data' || (typeof v.path === 'string' && v.path.length > 0);
}

/** Keeps only well-formed filters (names and extensions are plain strings, extensions without dots). */
export function sanitizeFilters(value: unknown): FileFilter[] {
  if (!Array.isArray(value)) return [];
  const out: FileFilter[] = [];
  for (const f of value.slice(0, 16)) {
    if (!f || typeof f !== 'object') continue;
    const { name, extensions } = f as { name?: unknown; extensions?: unknown };
    if (typeof name !== 'string' || !Array.isArray(extensions)) continue;
    const exts = extensions.filter((e): e is string => typeof e === 'string' && /^(\*|[A-Za-z0-9_-]{1,16})$/.test(e)).slice(0, 16);
    if (exts.length) out.push({ name: name.slice(0, 64), extensions: exts });
  }
  return out;
}
