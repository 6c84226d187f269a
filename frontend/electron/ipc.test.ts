// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { ForbiddenSenderError, registerIpcHandlers, type InvokeEvent } from './ipc';
import { buildMenuTemplate, type MenuItemTemplate } from './menu';
import { CHANNELS, type MenuCommand } from './shared/bridgeApi';

const ORIGIN = 'http://127.0.0.1:5000';

function setup(dialogAnswer = { canceled: false, filePaths: ['/picked'] }) {
  const handlers = new Map<string, (e: InvokeEvent, ...a: unknown[]) => unknown>();
  const dialog = { showOpenDialog: vi.fn(async () => dialogAnswer) };
  const clipboard = { readText: vi.fn(() => 'from clipboard'), writeText: vi.fn() };
  registerIpcHandlers({ ipc: { handle: (ch, h) => handlers.set(ch, h) }, dialog, clipboard, origin: () => ORIGIN });
  const call = (ch: string, frame: string | null, ...args: unknown[]) => handlers.get(ch)!({ senderFrame: frame ? { url: frame } : null }, ...args);
  return { handlers, dialog, clipboard, call };
}

describe('main-process IPC handlers', () => {
  it('registers the four bridge channels', () => {
    expect([...setup().handlers.keys()].sort()).toEqual([CHANNELS.clipboardRead, CHANNELS.clipboardWrite, CHANNELS.openFile, CHANNELS.selectDirectory].sort());
  });

  it('serves the app window and refuses other frames', async () => {
    const { call, clipboard } = setup();
    expect(call(CHANNELS.clipboardRead, `${ORIGIN}/#/compare`)).toBe('from clipboard');
    expect(() => call(CHANNELS.clipboardRead, 'https://evil.example/')).toThrow(ForbiddenSenderError);
    expect(() => call(CHANNELS.clipboardRead, null)).toThrow(ForbiddenSenderError);
    call(CHANNELS.clipboardWrite, `${ORIGIN}/`, 'answer');
    expect(clipboard.writeText).toHaveBeenCalledWith('answer');
    expect(() => call(CHANNELS.clipboardWrite, `${ORIGIN}/`, { not: 'text' })).toThrow(TypeError);
  });

  it('opens file and folder dialogs with sanitized filters', async () => {
    const { call, dialog } = setup();
    await expect(call(CHANNELS.openFile, `${ORIGIN}/`, [{ name: 'JSONL', extensions: ['jsonl'] }, 'junk'])).resolves.toBe('/picked');
    expect(dialog.showOpenDialog).toHaveBeenLastCalledWith({ title: 'Open file', properties: ['openFile'], filters: [{ name: 'JSONL', extensions: ['jsonl'] }] });
    await expect(call(CHANNELS.selectDirectory, `${ORIGIN}/`)).resolves.toBe('/picked');
    expect(dialog.showOpenDialog).toHaveBeenLastCalledWith({ title: 'Choose a folder', properties: ['openDirectory'] });
    const cancelled = setup({ canceled: true, filePaths: [] });
    await expect(cancelled.call(CHANNELS.openFile, `${ORIGIN}/`)).resolves.toBeNull();
  });
});

function find(items: MenuItemTemplate[], id: string): MenuItemTemplate | undefined {
  for (const item of items) {
    if (item.id === id) return item;
    const inner = item.submenu && find(item.submenu, id);
    if (inner) return inner;
  }
  return undefined;
}

describe('application menu', () => {
  it('sends start, stop, theme and the chosen training-data path to the SPA', async () => {
    const sent: MenuCommand[] = [];
    const template = buildMenuTemplate({ platform: 'linux', send: (c) => sent.push(c), chooseTrainingData: async () => '/data/train.jsonl' });
    find(template, 'start-training')!.click!();
    find(template, 'stop-training')!.click!();
    find(template, 'toggle-theme')!.click!();
    find(template, 'open-training-data')!.click!();
    await new Promise((r) => setTimeout(r, 0));
    expect(sent).toEqual([{ type: 'start-training' }, { type: 'stop-training' }, { type: 'toggle-theme' }, { type: 'open-training-data', path: '/data/train.jsonl' }]);
    expect(template.some((m) => m.role === 'editMenu')).toBe(true); // keyboard copy/paste on macOS
  });

  it('sends nothing when the dialog is cancelled; adds the app menu on macOS', async () => {
    const sent: MenuCommand[] = [];
    const template = buildMenuTemplate({ platform: 'darwin', send: (c) => sent.push(c), chooseTrainingData: async () => null });
    find(template, 'open-training-data')!.click!();
    await new Promise((r) => setTimeout(r, 0));
    expect(sent).toEqual([]);
    expect(template[0]!.role).toBe('appMenu');
  });
});
