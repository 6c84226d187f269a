import { useEffect, useState } from 'react';
import { getBridge } from '../app/electronBridge';
import { browserClipboardEnv, writeClipboardText } from '../app/clipboard';

/** Copies text through the fallback chain (desktop bridge → navigator.clipboard → execCommand). */
export function CopyButton({ text, label, testId }: { text: string; label: string; testId?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const t = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(t);
  }, [state]);
  const copy = async () => {
    const res = await writeClipboardText(text, browserClipboardEnv(window, getBridge()?.clipboard ?? null));
    setState(res.ok ? 'copied' : 'failed');
  };
  return (
    <button type="button" onClick={() => void copy()} disabled={!text} aria-label={label} title={label} data-testid={testId} data-state={state}
      className="inline-flex h-7 items-center gap-1 rounded-md px-2 text-xs font-medium text-slate-600 hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-40 dark:text-slate-300 dark:hover:bg-slate-800">
      <svg viewBox="0 0 24 24" className="size-3.5" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden><rect x="9" y="9" width="12" height="12" rx="2" /><path d="M5 15H4a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2h9a2 2 0 0 1 2 2v1" /></svg>
      <span aria-live="polite">{state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : 'Copy'}</span>
    </button>
  );
}
