/**
 * Preload (sandboxed: it may only require 'electron'; vite bundles ./bridge into this one file).
 * Exposes exactly `window.electronAPI`; see shared/bridgeApi.ts for the contract.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';

contextBridge.exposeInMainWorld('electronAPI', createBridge(ipcRenderer, process.platform));
