import { useCallback, useEffect, useRef } from 'react';
import type { SessionSummary } from '../../app/apiTypes';
import { useAppDispatch, useAppSelector, useAppStore } from '../../app/hooks';
import { generationStarted, isGenerating, sideFinished, tokenReceived } from './compareSlice';
import { streamGeneration } from './sse';
import type { Side, TestRequest } from './types';

const PATHS: Record<Side, '/model/test-base/stream' | '/model/test/stream'> = {
  base: '/model/test-base/stream',
  adapter: '/model/test/stream',
};

/**
 * Generate: both answers stream at once (two SSE requests) into the compare slice; Stop aborts both
 * (the server stops generating at its next token). Leaving the tab also stops them.
 */
export function useGenerate(session: SessionSummary | null, hasBest: boolean) {
  const dispatch = useAppDispatch();
  const store = useAppStore();
  const current = useAppSelector((s) => s.compare.current);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort(), []);

  const generate = useCallback(() => {
    const { prompt, settings } = store.getState().compare;
    if (!session || !prompt.trim() || isGenerating(store.getState().compare.current)) return;
    controller.current?.abort();
    const ctrl = new AbortController();
    controller.current = ctrl;
    const checkpoint = settings.checkpoint === 'best' && hasBest ? 'best' : 'final';
    const action = dispatch(generationStarted({
      prompt, system: settings.system, sessionId: session.id, sessionName: session.name || session.id, checkpoint,
      settings: { max_tokens: settings.max_tokens, temperature: settings.temperature, top_p: settings.top_p },
    }));
    const id = action.payload.id;
    const body: TestRequest = {
      prompt, max_tokens: settings.max_tokens, temperature: settings.temperature, top_p: settings.top_p,
      session_id: session.id, checkpoint, ...(settings.system.trim() ? { system: settings.system } : {}),
      ...(settings.prompt_mode !== 'auto' ? { raw_prompt: settings.prompt_mode === 'raw' } : {}),
    };
    for (const side of ['base', 'adapter'] as const) {
      streamGeneration(PATHS[side], body, { onToken: (text) => dispatch(tokenReceived({ id, side, text })) }, ctrl.signal)
        .then((response) => dispatch(sideFinished({ id, side, status: 'done', response })))
        .catch((err: unknown) => {
          const aborted = err instanceof DOMException && err.name === 'AbortError';
          const message = aborted ? undefined : err instanceof Error ? err.message : String(err);
          dispatch(sideFinished({ id, side, status: aborted ? 'stopped' : 'error', ...(message ? { error: message } : {}) }));
        });
    }
  }, [dispatch, store, session, hasBest]);

  const stop = useCallback(() => controller.current?.abort(), []);

  return { generate, stop, current, generating: isGenerating(current) };
}
