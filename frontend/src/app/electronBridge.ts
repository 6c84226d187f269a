/**
 * The Electron shell's bridge, when the SPA runs inside it. The contract is declared once, in
 * electron/shared/bridgeApi.ts; this is the only place the SPA reads `window.electronAPI`.
 */
import type { ElectronAPI, FileFilter, MenuCommand } from '../../electron/shared/bridgeApi';

export type { ElectronAPI, FileFilter, MenuCommand };

declare global {
  interface Window {
    electronAPI?: ElectronAPI;
  }
}

/** The bridge if present and well-formed (a half-injected object is treated as absent). */
export function getBridge(win: Pick<Window, 'electronAPI'> | undefined = typeof window === 'undefined' ? undefined : window): ElectronAPI | null {
  const api = win?.electronAPI;
  if (!api || typeof api !== 'object') return null;
  if (typeof api.openFile !== 'function' || typeof api.selectDirectory !== 'function') return null;
  if (!api.clipboard || typeof api.clipboard.readText !== 'function' || typeof api.clipboard.writeText !== 'function') return null;
  return api;
}

export const JSONL_FILTERS: FileFilter[] = [
  { name: 'Datasets', extensions: ['jsonl', 'json', 'csv', 'tsv', 'parquet', 'arrow'] },
  { name: 'All files', extensions: ['*'] },
];
