import { useCallback, useState, type ClipboardEvent, type RefObject } from 'react';
import { getBridge } from '../../app/electronBridge';
import { browserClipboardEnv, insertAtCaret, normalizePasted, readClipboardText, type PasteSource } from '../../app/clipboard';

export type PasteStatus = { kind: 'ok'; source: PasteSource } | { kind: 'error'; message: string } | null;

const SOURCE_LABEL: Record<PasteSource, string> = {
  event: 'keyboard paste',
  electron: 'the desktop clipboard',
  navigator: 'the browser clipboard',
  execCommand: 'the clipboard (fallback)',
};
export const pasteSourceLabel = (s: PasteSource) => SOURCE_LABEL[s];

/**
 * Paste into a textarea through the fallback chain (clipboard.ts): on the paste event (its
 * clipboardData first) and from a Paste button, for contexts where keyboard paste is blocked.
 * The text goes in at the caret, as one undoable edit; the current text is never replaced wholesale.
 */
export function usePaste(ref: RefObject<HTMLTextAreaElement | null>) {
  const [status, setStatus] = useState<PasteStatus>(null);

  const pasteFrom = useCallback(async (eventData: DataTransfer | null) => {
    // Runs synchronously up to its first await, so the event's DataTransfer is still readable.
    const result = await readClipboardText(browserClipboardEnv(window, getBridge()?.clipboard ?? null, eventData));
    const el = ref.current;
    if (!el) return;
    if (result.ok) {
      insertAtCaret(el, normalizePasted(result.text));
      el.dataset.pasteSource = result.source;
      setStatus({ kind: 'ok', source: result.source });
    } else {
      const why = result.failures.map((f) => `${f.source}: ${f.reason}`).join('; ');
      setStatus({ kind: 'error', message: `Nothing could be read from the clipboard (${why}). Try Ctrl+V / ⌘V, or type the prompt.` });
    }
  }, [ref]);

  const onPaste = useCallback((e: ClipboardEvent<HTMLTextAreaElement>) => {
    e.preventDefault();
    void pasteFrom(e.clipboardData ?? null);
  }, [pasteFrom]);

  const pasteButton = useCallback(() => pasteFrom(null), [pasteFrom]);

  return { onPaste, pasteButton, status, clearStatus: () => setStatus(null) };
}
