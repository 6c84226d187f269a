import { useRef, useState } from 'react';
import { streamGeneration } from '../sse';

export interface Column {
  key: string;
  text: string;
  status: 'idle' | 'streaming' | 'done' | 'error';
  error?: string;
}

/** Streams one prompt to the base (once) and to each chosen adapter; the server runs them one by one. */
export function useMultiGenerate() {
  const [columns, setColumns] = useState<Column[]>([]);
  const abort = useRef<AbortController | null>(null);
  const patch = (key: string, change: Partial<Column> | ((c: Column) => Partial<Column>)) =>
    setColumns((cols) => cols.map((c) => (c.key === key ? { ...c, ...(typeof change === 'function' ? change(c) : change) } : c)));

  /** `exportPaths`: fused models exported from sessions, run as plain models (no adapter). */
  const run = async (prompt: string, sessionIds: string[], exportPaths: string[], maxTokens: number) => {
    abort.current?.abort();
    const ctl = new AbortController();
    abort.current = ctl;
    const keys = ['base', ...sessionIds, ...exportPaths];
    setColumns(keys.map((key) => ({ key, text: '', status: 'streaming' })));
    await Promise.all(keys.map(async (key) => {
      const adapter = sessionIds.includes(key);
      const common = { prompt, max_tokens: maxTokens, temperature: 0, top_p: 1, checkpoint: 'final' as const };
      const body = adapter ? { ...common, session_id: key }
        : exportPaths.includes(key) ? { ...common, model_path: key } : { ...common, session_id: sessionIds[0] };
      try {
        await streamGeneration(adapter ? '/model/test/stream' : '/model/test-base/stream', body,
          { onToken: (t) => patch(key, (c) => ({ text: c.text + t })) }, ctl.signal);
        patch(key, { status: 'done' });
      } catch (err) {
        if (!(err instanceof DOMException && err.name === 'AbortError')) patch(key, { status: 'error', error: String((err as Error).message) });
      }
    }));
  };

  return { columns, run, generating: columns.some((c) => c.status === 'streaming') };
}
