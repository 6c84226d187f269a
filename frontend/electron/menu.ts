/**
 * The application menu as a plain template (Electron's Menu.buildFromTemplate takes it as is). The
 * studio items send commands to the SPA over one IPC channel; the Edit menu's roles are what make
 * keyboard copy/paste work on macOS.
 */
import type { MenuCommand } from './shared/bridgeApi';

export interface MenuItemTemplate {
  label?: string;
  role?: string;
  type?: 'separator';
  accelerator?: string;
  id?: string;
  click?: () => void;
  submenu?: MenuItemTemplate[];
}

export interface MenuDeps {
  platform: string;
  send: (command: MenuCommand) => void;
  /** Shows the open dialog for training data; resolves to the path or null. */
  chooseTrainingData: () => Promise<string | null>;
}

export function buildMenuTemplate({ platform, send, chooseTrainingData }: MenuDeps): MenuItemTemplate[] {
  const mac = platform === 'darwin';
  const openTrainingData = async () => {
    const path = await chooseTrainingData();
    if (path) send({ type: 'open-training-data', path });
  };
  const template: MenuItemTemplate[] = [];
  if (mac) template.push({ role: 'appMenu' });
  template.push(
    {
      label: 'File',
      submenu: [
        { id: 'open-training-data', label: 'Open Training Data…', accelerator: 'CmdOrCtrl+O', click: () => void openTrainingData() },
        { type: 'separator' },
        { role: mac ? 'close' : 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'Training',
      submenu: [
        { id: 'start-training', label: 'Start Training', accelerator: 'CmdOrCtrl+Enter', click: () => send({ type: 'start-training' }) },
        { id: 'stop-training', label: 'Stop Training', accelerator: 'CmdOrCtrl+.', click: () => send({ type: 'stop-training' }) },
      ],
    },
    {
      label: 'View',
      submenu: [
        { id: 'toggle-theme', label: 'Toggle Dark Theme', accelerator: 'CmdOrCtrl+Shift+L', click: () => send({ type: 'toggle-theme' }) },
        { type: 'separator' },
        { role: 'reload' },
        { role: 'toggleDevTools' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  );
  return template;
}

/** Files the training-data dialog offers. */
export const TRAINING_DATA_FILTERS = [
  { name: 'JSON Lines', extensions: ['jsonl', 'json'] },
  { name: 'All files', extensions: ['*'] },
];
