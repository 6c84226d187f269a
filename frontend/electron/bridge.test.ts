// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { createBridge, type RendererIpc } from './bridge';
import { CHANNELS, isMenuCommand, sanitizeFilters } from './shared/bridgeApi';

function fakeIpc(answers: Record<string, unknown> = {}) {
  const listeners = new Map<string, Set<(e: unknown, ...a: unknown[]) => void>>();
  const ipc = {
    invoke: vi.fn(async (channel: string) => answers[channel]),
    on: vi.fn((ch: string, l: (e: unknown, ...a: unknown[]) => void) => { (listeners.get(ch) ?? listeners.set(ch, new Set()).get(ch)!).add(l); }),
    removeListener: vi.fn((ch: string, l: (e: unknown, ...a: unknown[]) => void) => { listeners.get(ch)?.delete(l); }),
  } satisfies RendererIpc;
  const emit = (ch: string, ...args: unknown[]) => listeners.get(ch)?.forEach((l) => l({ sender: 'secret' }, ...args));
  return { ipc, emit, listeners };
}

describe('the preload bridge', () => {
  it('exposes exactly clipboard, openFile, selectDirectory, onMenu and platform', () => {
    const api = createBridge(fakeIpc().ipc, 'linux');
    expect(Object.keys(api).sort()).toEqual(['clipboard', 'onMenu', 'openFile', 'platform', 'selectDirectory']);
    expect(Object.keys(api.clipboard).sort()).toEqual(['readText', 'writeText']);
    expect(api.platform).toBe('linux');
    expect(Object.isFrozen(api)).toBe(true);
    expect(JSON.stringify(api)).not.toContain('invoke');
  });

  it('routes clipboard and dialogs through invoke on the fixed channels', async () => {
    const { ipc } = fakeIpc({ [CHANNELS.clipboardRead]: 'pasted', [CHANNELS.openFile]: '/data/train.jsonl', [CHANNELS.selectDirectory]: '' });
    const api = createBridge(ipc, 'darwin');
    await expect(api.clipboard.readText()).resolves.toBe('pasted');
    await api.clipboard.writeText('copied');
    expect(ipc.invoke).toHaveBeenCalledWith(CHANNELS.clipboardWrite, 'copied');
    await expect(api.openFile([{ name: 'JSONL', extensions: ['jsonl'] }, { name: 'bad', extensions: ['../x'] } as never])).resolves.toBe('/data/train.jsonl');
    expect(ipc.invoke).toHaveBeenCalledWith(CHANNELS.openFile, [{ name: 'JSONL', extensions: ['jsonl'] }]);
    await expect(api.selectDirectory()).resolves.toBeNull(); // cancelled dialog
    await expect(api.clipboard.writeText(42 as never)).rejects.toThrow(TypeError);
  });

  it('delivers only valid menu commands, without the IPC event, and unsubscribes', () => {
    const { ipc, emit, listeners } = fakeIpc();
    const api = createBridge(ipc, 'linux');
    const got: unknown[] = [];
    const off = api.onMenu((c) => got.push(c));
    emit(CHANNELS.menu, { type: 'toggle-theme' });
    emit(CHANNELS.menu, { type: 'open-training-data', path: '/d/train.jsonl' });
    emit(CHANNELS.menu, { type: 'open-training-data' });
    emit(CHANNELS.menu, { type: 'rm -rf' });
    expect(got).toEqual([{ type: 'toggle-theme' }, { type: 'open-training-data', path: '/d/train.jsonl' }]);
    off();
    expect(listeners.get(CHANNELS.menu)?.size).toBe(0);
  });

  it('validates commands and filters', () => {
    expect(isMenuCommand({ type: 'stop-training' })).toBe(true);
    expect(isMenuCommand(null)).toBe(false);
    expect(sanitizeFilters('x')).toEqual([]);
    expect(sanitizeFilters([{ name: 'All', extensions: ['*'] }, { name: 1, extensions: [] }])).toEqual([{ name: 'All', extensions: ['*'] }]);
  });
});
