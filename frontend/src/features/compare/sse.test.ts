import { afterEach, describe, expect, it, vi } from 'vitest';
import { SseParser, StreamError, streamGeneration } from './sse';
import compare, { generationStarted, historyRated, initialCompareState, loadPersisted, persist, sideFinished, tokenReceived } from './compareSlice';
import type { TestRequest } from './types';

const body: TestRequest = { prompt: 'hi', max_tokens: 8, temperature: 0, top_p: 1, session_id: 's1', checkpoint: 'final' };

function sseResponse(chunks: string[], status = 200) {
  const enc = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      for (const ch of chunks) c.enqueue(enc.encode(ch));
      c.close();
    },
  });
  return new Response(stream, { status, headers: { 'content-type': 'text/event-stream' } });
}

describe('SSE parsing', () => {
  it('joins messages split across chunks and CRLF line endings', () => {
    const p = new SseParser();
    expect(p.push('event: token\ndata: {"text": "He')).toEqual([]);
    expect(p.push('llo"}\n\nevent: token\r\ndata: {"text": " world"}\r\n\r\n: comment\n\nevent: do')).toEqual([
      { event: 'token', data: '{"text": "Hello"}' },
      { event: 'token', data: '{"text": " world"}' },
    ]);
    expect(p.push('ne\ndata: {}')).toEqual([]);
    expect(p.flush()).toEqual([{ event: 'done', data: '{}' }]);
  });
});

describe('streamGeneration', () => {
  afterEach(() => {
    window.sessionStorage.clear();
  });

  it('streams tokens and resolves with the done payload, with the token header when there is one', async () => {
    window.sessionStorage.setItem('lora-studio.token', 'sekret');
    const fetchFn = vi.fn(async () => sseResponse([
      'event: token\ndata: {"text": "The"}\n\n',
      'event: token\ndata: {"text": " capital"}\n\nevent: done\ndata: {"response": "The capital", "tokens": 2, "tokens_per_sec": 100}\n\n',
    ]));
    const tokens: string[] = [];
    const done = await streamGeneration('/model/test/stream', body, { onToken: (t) => tokens.push(t) }, undefined, fetchFn as unknown as typeof fetch);
    expect(tokens).toEqual(['The', ' capital']);
    expect(done).toMatchObject({ response: 'The capital', tokens: 2, tokens_per_sec: 100 });
    const [url, init] = fetchFn.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/model/test/stream');
    expect(JSON.parse(init.body as string)).toEqual(body);
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer sekret');
  });

  it("rejects with the server's message: a 4xx detail, or an error event", async () => {
    const conflict = vi.fn(async () => new Response(JSON.stringify({ detail: 'Session s1 has no adapter files yet' }), { status: 409 }));
    await expect(streamGeneration('/model/test/stream', body, { onToken: () => {} }, undefined, conflict as unknown as typeof fetch))
      .rejects.toEqual(new StreamError('Session s1 has no adapter files yet'));
    const failing = vi.fn(async () => sseResponse(['event: token\ndata: {"text": "x"}\n\nevent: error\ndata: {"message": "generation failed: OOM"}\n\n']));
    await expect(streamGeneration('/model/test-base/stream', body, { onToken: () => {} }, undefined, failing as unknown as typeof fetch)).rejects.toThrow('generation failed: OOM');
    const cut = vi.fn(async () => sseResponse(['event: token\ndata: {"text": "x"}\n\n']));
    await expect(streamGeneration('/model/test/stream', body, { onToken: () => {} }, undefined, cut as unknown as typeof fetch)).rejects.toThrow(/closed the stream/);
  });
});

describe('compare slice: streaming into the history', () => {
  it('accumulates tokens, records the comparison once both sides end, and rates it', () => {
    let s = initialCompareState();
    const start = generationStarted({ prompt: 'p', system: '', sessionId: 's1', sessionName: 'S1', checkpoint: 'final', settings: { max_tokens: 8, temperature: 0, top_p: 1 } });
    s = compare(s, start);
    const id = start.payload.id;
    s = compare(s, tokenReceived({ id, side: 'adapter', text: 'Mi' }));
    s = compare(s, tokenReceived({ id, side: 'adapter', text: 'rth' }));
    s = compare(s, tokenReceived({ id: 'stale', side: 'adapter', text: 'ignored' }));
    expect(s.current!.adapter.text).toBe('Mirth');
    s = compare(s, sideFinished({ id, side: 'adapter', status: 'done', response: {
      response: 'Mirth.', tokens: 3, tokens_per_sec: 50, prompt_tokens: 12, elapsed_seconds: 0.06, raw_prompt: false,
      prompt_text: '<|im_start|>user\nWhat is the capital of Veloria?<|im_end|>\n<|im_start|>assistant\n',
      model_info: { model_path: '/models/demo', adapter_path: '/runs/r/adapters', adapter_file: 'adapters.safetensors', checkpoint: 'final', session_id: 'r', loaded_from_cache: true, load_seconds: 0 },
    } }));
    expect(s.history).toHaveLength(0);
    s = compare(s, sideFinished({ id, side: 'base', status: 'error', error: 'boom' }));
    expect(s.history).toHaveLength(1);
    expect(s.history[0]).toMatchObject({ id, prompt: 'p', adapter: { text: 'Mirth.', tokens: 3 }, base: { error: 'boom' }, rating: null });
    s = compare(s, sideFinished({ id, side: 'base', status: 'done' }));
    expect(s.history).toHaveLength(1); // a side ends once
    s = compare(s, historyRated({ id, rating: 4 }));
    expect(s.history[0]!.rating).toBe(4);

    const store = new Map<string, string>();
    persist(s, { setItem: (k, v) => void store.set(k, v) });
    const back = loadPersisted({ getItem: (k) => store.get(k) ?? null });
    expect(back.history?.[0]).toMatchObject({ id, rating: 4 });
    expect(loadPersisted({ getItem: () => '{not json' })).toEqual({});
  });
});
