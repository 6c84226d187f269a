import { CHANNELS, isMenuCommand, MAX_CLIPBOARD_CHARS, sanitizeFilters, type ElectronAPI, type FileFilter, type MenuCommand } from './shared/bridgeApi';

/** The slice of ipcRenderer the bridge uses (a test double in tests). */
export interface RendererIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

const asPath = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

/**
 * Builds `window.electronAPI`. Only these functions cross the context bridge: the page never gets
 * ipcRenderer itself (it could then invoke any channel), and IPC event objects are dropped because
 * they carry the sender. Clipboard access goes through the main process, since the clipboard module
 * is not available to a sandboxed renderer.
 */
export function createBridge(ipc: RendererIpc, platform: string): ElectronAPI {
  const api: ElectronAPI = {
    clipboard: {
      async readText() {
        const text = await ipc.invoke(CHANNELS.clipboardRead);
        return typeof text === 'string' ? text : '';
      },
      async writeText(text: string) {
        if (typeof text !== 'string') throw new TypeError('writeText expects a string');
        if (text.length > MAX_CLIPBOARD_CHARS) throw new RangeError('text too large for the clipboard');
        await ipc.invoke(CHANNELS.clipboardWrite, text);
      },
    },
    async openFile(filters?: FileFilter[]) {
      return asPath(await ipc.invoke(CHANNELS.openFile, sanitizeFilters(filters ?? [])));
    },
    async selectDirectory() {
      return asPath(await ipc.invoke(CHANNELS.selectDirectory));
    },
    onMenu(callback: (command: MenuCommand) => void) {
      const listener = (_event: unknown, command: unknown) => {
        if (isMenuCommand(command)) callback(command);
      };
      ipc.on(CHANNELS.menu, listener);
      return () => {
        ipc.removeListener(CHANNELS.menu, listener);
      };
    },
    platform,
  };
  return Object.freeze(api);
}
