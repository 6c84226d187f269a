import { describe, expect, it, vi } from 'vitest';
import { insertAtCaret, normalizePasted, readClipboardText, writeClipboardText, type ClipboardEnv } from './clipboard';

const data = (text: string) => ({ getData: vi.fn((type: string) => (type === 'text/plain' ? text : '')) });

/** Every source available and answering with its own name. */
function fullEnv(): ClipboardEnv & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    eventData: { getData: () => { calls.push('event'); return 'from event'; } },
    bridge: { readText: async () => { calls.push('electron'); return 'from electron'; }, writeText: async () => { calls.push('electron-write'); } },
    navigatorClipboard: { readText: async () => { calls.push('navigator'); return 'from navigator'; }, writeText: async () => { calls.push('navigator-write'); } },
    isSecureContext: true,
    execPaste: () => { calls.push('execCommand'); return 'from execCommand'; },
    execCopy: () => { calls.push('execCommand-write'); return true; },
  };
}

describe('paste fallback chain', () => {
  it('uses the paste event data first and touches nothing else', async () => {
    const env = fullEnv();
    await expect(readClipboardText(env)).resolves.toEqual({ ok: true, text: 'from event', source: 'event', failures: [] });
    expect(env.calls).toEqual(['event']);
  });

  it('falls through each source in turn: event → electron → navigator → execCommand', async () => {
    // event data present but empty (e.g. an image) → the Electron bridge
    let env = fullEnv();
    env.eventData = data('');
    let res = await readClipboardText(env);
    expect(res).toMatchObject({ ok: true, source: 'electron', text: 'from electron', failures: [{ source: 'event', reason: 'empty' }] });

    // no event (Paste button) and the bridge throws → navigator.clipboard
    env = fullEnv();
    env.eventData = null;
    env.bridge = { readText: async () => { throw new Error('ipc closed'); }, writeText: async () => undefined };
    res = await readClipboardText(env);
    expect(res).toMatchObject({ ok: true, source: 'navigator', failures: [{ source: 'event', reason: 'no paste event data' }, { source: 'electron', reason: 'Error: ipc closed' }] });

    // navigator rejects (permission denied) → hidden textarea + execCommand('paste')
    env = fullEnv();
    env.eventData = null;
    env.bridge = null;
    env.navigatorClipboard = { readText: () => Promise.reject(new DOMException('Read permission denied.', 'NotAllowedError')), writeText: async () => undefined };
    res = await readClipboardText(env);
    expect(res).toMatchObject({ ok: true, source: 'execCommand', text: 'from execCommand' });
    expect(res.failures.map((f) => f.source)).toEqual(['event', 'electron', 'navigator']);
    expect(res.failures[2]!.reason).toMatch(/NotAllowedError/);
  });

  it('skips navigator.clipboard outside a secure context without calling it', async () => {
    const env = fullEnv();
    env.eventData = null;
    env.bridge = null;
    env.isSecureContext = false;
    const res = await readClipboardText(env);
    expect(res).toMatchObject({ ok: true, source: 'execCommand' });
    expect(res.failures).toContainEqual({ source: 'navigator', reason: 'not a secure context' });
    expect(env.calls).toEqual(['execCommand']);
  });

  it('reports every failure when no source yields text', async () => {
    const res = await readClipboardText({ eventData: data(''), bridge: { readText: async () => '', writeText: async () => undefined }, navigatorClipboard: null, isSecureContext: true, execPaste: () => null });
    expect(res).toEqual({
      ok: false,
      failures: [
        { source: 'event', reason: 'empty' },
        { source: 'electron', reason: 'empty' },
        { source: 'navigator', reason: 'navigator.clipboard unavailable' },
        { source: 'execCommand', reason: 'empty' },
      ],
    });
    const thrown = await readClipboardText({ isSecureContext: true, execPaste: () => { throw new Error('no document'); } });
    expect(thrown.ok).toBe(false);
  });

  it('normalizes Windows line endings', () => {
    expect(normalizePasted('a\r\nb\rc\n')).toBe('a\nb\nc\n');
  });
});

describe('copy fallback chain', () => {
  it('prefers the bridge, then navigator, then execCommand', async () => {
    let env = fullEnv();
    await expect(writeClipboardText('x', env)).resolves.toMatchObject({ ok: true, source: 'electron' });
    env = fullEnv();
    env.bridge = null;
    await expect(writeClipboardText('x', env)).resolves.toMatchObject({ ok: true, source: 'navigator' });
    env = fullEnv();
    env.bridge = null;
    env.navigatorClipboard = { readText: async () => '', writeText: () => Promise.reject(new Error('denied')) };
    await expect(writeClipboardText('x', env)).resolves.toMatchObject({ ok: true, source: 'execCommand', failures: [{ source: 'electron' }, { source: 'navigator', reason: 'Error: denied' }] });
    await expect(writeClipboardText('x', { isSecureContext: false, execCopy: () => false })).resolves.toMatchObject({ ok: false });
  });
});

describe('insertAtCaret', () => {
  it('inserts at the caret, replacing the selection, keeping the rest of the text and telling React', () => {
    const ta = document.createElement('textarea');
    document.body.appendChild(ta);
    ta.value = 'Hello world';
    ta.setSelectionRange(6, 11); // "world"
    const onInput = vi.fn();
    ta.addEventListener('input', onInput);
    insertAtCaret(ta, 'there');
    expect(ta.value).toBe('Hello there');
    expect(ta.selectionStart).toBe(11);
    expect(onInput).toHaveBeenCalledTimes(1);
    insertAtCaret(ta, '!');
    expect(ta.value).toBe('Hello there!');
    ta.remove();
  });

  it('uses execCommand("insertText") when the browser supports it (undo stack intact)', () => {
    const ta = document.createElement('textarea');
    document.body.appendChild(ta);
    const exec = vi.fn(() => { ta.value = 'inserted'; return true; });
    const doc = { activeElement: ta, execCommand: exec } as unknown as Document;
    insertAtCaret(ta, 'inserted', doc);
    expect(exec).toHaveBeenCalledWith('insertText', false, 'inserted');
    expect(ta.value).toBe('inserted');
    ta.remove();
  });
});
