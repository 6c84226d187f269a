/**
 * Clipboard access with fallbacks, as pure functions over injected sources (unit-tested).
 *
 * Reading (Paste): the paste event's clipboardData → the Electron bridge → navigator.clipboard (secure
 * contexts only) → a hidden textarea and document.execCommand('paste'). Each source may be missing,
 * throw, reject or come back empty; the next one is tried and every failure is reported.
 * Writing (Copy): the Electron bridge → navigator.clipboard → a hidden textarea and execCommand('copy').
 */

export type PasteSource = 'event' | 'electron' | 'navigator' | 'execCommand';
export type CopySource = 'electron' | 'navigator' | 'execCommand';

export interface Attempt<S extends string> {
  source: S;
  reason: string;
}

export type ReadResult =
  | { ok: true; text: string; source: PasteSource; failures: Attempt<PasteSource>[] }
  | { ok: false; failures: Attempt<PasteSource>[] };

export type WriteResult = { ok: true; source: CopySource; failures: Attempt<CopySource>[] } | { ok: false; failures: Attempt<CopySource>[] };

export interface ClipboardEnv {
  /** The paste event's data, when reading for a paste event. */
  eventData?: Pick<DataTransfer, 'getData'> | null;
  /** window.electronAPI.clipboard, when running in the shell. */
  bridge?: { readText(): Promise<string>; writeText(text: string): Promise<void> } | null;
  /** navigator.clipboard, when the browser has it. */
  navigatorClipboard?: Pick<Clipboard, 'readText' | 'writeText'> | null;
  /** navigator.clipboard only works in secure contexts (https, localhost). */
  isSecureContext: boolean;
  /** Hidden-textarea fallbacks (see hiddenTextareaPaste / hiddenTextareaCopy). */
  execPaste?: (() => string | null) | null;
  execCopy?: ((text: string) => boolean) | null;
}

const reasonOf = (err: unknown) => (err instanceof Error ? `${err.name}: ${err.message}` : String(err));

type Reader = { source: PasteSource; read: (() => Promise<string | null | undefined> | string | null | undefined) | null; unavailable: string };

function readers(env: ClipboardEnv): Reader[] {
  return [
    { source: 'event', read: env.eventData ? () => env.eventData!.getData('text/plain') : null, unavailable: 'no paste event data' },
    { source: 'electron', read: env.bridge ? () => env.bridge!.readText() : null, unavailable: 'not running in the desktop app' },
    {
      source: 'navigator',
      read: env.navigatorClipboard && env.isSecureContext ? () => env.navigatorClipboard!.readText() : null,
      unavailable: env.navigatorClipboard ? 'not a secure context' : 'navigator.clipboard unavailable',
    },
    { source: 'execCommand', read: env.execPaste ?? null, unavailable: 'no document to paste into' },
  ];
}

/** Tries each source in order and returns the first non-empty text. */
export async function readClipboardText(env: ClipboardEnv): Promise<ReadResult> {
  const failures: Attempt<PasteSource>[] = [];
  for (const r of readers(env)) {
    if (!r.read) {
      failures.push({ source: r.source, reason: r.unavailable });
      continue;
    }
    try {
      const text = await r.read();
      if (typeof text === 'string' && text.length > 0) return { ok: true, text, source: r.source, failures };
      failures.push({ source: r.source, reason: 'empty' });
    } catch (err) {
      failures.push({ source: r.source, reason: reasonOf(err) });
    }
  }
  return { ok: false, failures };
}

/** Writes with the first source that succeeds. */
export async function writeClipboardText(text: string, env: ClipboardEnv): Promise<WriteResult> {
  const failures: Attempt<CopySource>[] = [];
  const writers: { source: CopySource; write: (() => Promise<unknown> | unknown) | null; unavailable: string }[] = [
    { source: 'electron', write: env.bridge ? () => env.bridge!.writeText(text) : null, unavailable: 'not running in the desktop app' },
    {
      source: 'navigator',
      write: env.navigatorClipboard && env.isSecureContext ? () => env.navigatorClipboard!.writeText(text) : null,
      unavailable: env.navigatorClipboard ? 'not a secure context' : 'navigator.clipboard unavailable',
    },
    {
      source: 'execCommand',
      write: env.execCopy ? () => { if (!env.execCopy!(text)) throw new Error('execCommand("copy") refused'); } : null,
      unavailable: 'no document to copy from',
    },
  ];
  for (const w of writers) {
    if (!w.write) {
      failures.push({ source: w.source, reason: w.unavailable });
      continue;
    }
    try {
      await w.write();
      return { ok: true, source: w.source, failures };
    } catch (err) {
      failures.push({ source: w.source, reason: reasonOf(err) });
    }
  }
  return { ok: false, failures };
}

/** Line endings as a textarea holds them (a Windows clipboard brings \r\n). */
export function normalizePasted(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** Off-screen textarea helper shared by the execCommand fallbacks; restores focus afterwards. */
function withHiddenTextarea<T>(doc: Document, fn: (ta: HTMLTextAreaElement) => T): T {
  const previous = doc.activeElement as HTMLElement | null;
  const ta = doc.createElement('textarea');
  ta.setAttribute('aria-hidden', 'true');
  ta.tabIndex = -1;
  ta.style.cssText = 'position:fixed;top:0;left:-9999px;width:1px;height:1px;opacity:0;';
  doc.body.appendChild(ta);
  try {
    return fn(ta);
  } finally {
    ta.remove();
    previous?.focus?.({ preventScroll: true });
  }
}

/** document.execCommand('paste') into a hidden textarea (works where the browser grants it). */
export function hiddenTextareaPaste(doc: Document): string | null {
  return withHiddenTextarea(doc, (ta) => {
    ta.focus();
    const ok = doc.execCommand('paste');
    return ok && ta.value ? ta.value : null;
  });
}

export function hiddenTextareaCopy(doc: Document, text: string): boolean {
  return withHiddenTextarea(doc, (ta) => {
    ta.value = text;
    ta.select();
    return doc.execCommand('copy');
  });
}

/**
 * Inserts text at the caret (replacing the selection). execCommand('insertText') first: it goes
 * through the browser's editing pipeline, so Ctrl+Z undoes the paste and React sees an input event.
 * Where that is unsupported, setRangeText plus a synthetic input event (undo then skips the paste,
 * but the current text is never lost).
 */
export function insertAtCaret(el: HTMLTextAreaElement | HTMLInputElement, text: string, doc: Document = el.ownerDocument): void {
  if (doc.activeElement !== el) el.focus({ preventScroll: true });
  let inserted = false;
  try {
    inserted = typeof doc.execCommand === 'function' && doc.execCommand('insertText', false, text);
  } catch {
    inserted = false;
  }
  if (inserted) return;
  const start = el.selectionStart ?? el.value.length;
  const end = el.selectionEnd ?? start;
  el.setRangeText(text, start, end, 'end');
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

/** The real environment of this page. */
export function browserClipboardEnv(win: Window, bridge: ClipboardEnv['bridge'], eventData?: DataTransfer | null): ClipboardEnv {
  return {
    eventData: eventData ?? null,
    bridge,
    navigatorClipboard: win.navigator.clipboard ?? null,
    isSecureContext: win.isSecureContext,
    execPaste: () => hiddenTextareaPaste(win.document),
    execCopy: (text) => hiddenTextareaCopy(win.document, text),
  };
}
