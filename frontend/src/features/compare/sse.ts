/**
 * Server-sent events over a POST (EventSource only does GET): fetch, read the body stream, split it
 * into `event:`/`data:` blocks. The backend sends `token` {text}, then `done` {...} or `error` {message}.
 */
import { apiBase, authHeaders } from '../../app/env';
import { parseApiError } from '../../app/errors';
import type { TestRequest, TestResponse } from './types';

export interface SseMessage {
  event: string;
  data: string;
}

/** Incremental parser: feed decoded text chunks, get whole messages (handles \r\n and split chunks). */
export class SseParser {
  private buffer = '';

  push(chunk: string): SseMessage[] {
    this.buffer += chunk.replace(/\r\n?/g, '\n');
    const out: SseMessage[] = [];
    let idx: number;
    while ((idx = this.buffer.indexOf('\n\n')) >= 0) {
      const block = this.buffer.slice(0, idx);
      this.buffer = this.buffer.slice(idx + 2);
      const msg = parseBlock(block);
      if (msg) out.push(msg);
    }
    return out;
  }

  /** Whatever is left when the stream ends (a last block without its blank line). */
  flush(): SseMessage[] {
    const rest = this.buffer;
    this.buffer = '';
    const msg = rest.trim() ? parseBlock(rest) : null;
    return msg ? [msg] : [];
  }
}

function parseBlock(block: string): SseMessage | null {
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (!line || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }
  return data.length ? { event, data: data.join('\n') } : null;
}

export interface StreamHandlers {
  onToken: (text: string) => void;
}

export class StreamError extends Error {
  override name = 'StreamError';
}

/**
 * Streams one generation; resolves with the `done` payload, rejects with the server's message
 * (a 4xx detail before the stream opens, or an `error` event), or with an AbortError when cancelled.
 */
export async function streamGeneration(path: '/model/test/stream' | '/model/test-base/stream', body: TestRequest, handlers: StreamHandlers, signal?: AbortSignal, fetchFn: typeof fetch = fetch): Promise<TestResponse> {
  let res: Response;
  try {
    res = await fetchFn(`${apiBase()}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...authHeaders() },
      body: JSON.stringify(body),
      signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new StreamError('Cannot reach the LoRA Studio server. Is it running?');
  }
  if (!res.ok) {
    let data: unknown = null;
    try {
      data = await res.json();
    } catch {
      /* not JSON: the status alone */
    }
    throw new StreamError(parseApiError({ status: res.status, data }).message);
  }
  const parser = new SseParser();
  const result: { done: TestResponse | null } = { done: null };
  const handle = (messages: SseMessage[]) => {
    for (const m of messages) {
      let payload: Record<string, unknown>;
      try {
        payload = JSON.parse(m.data) as Record<string, unknown>;
      } catch {
        continue;
      }
      if (m.event === 'token' && typeof payload.text === 'string') handlers.onToken(payload.text);
      else if (m.event === 'done') result.done = payload as unknown as TestResponse;
      else if (m.event === 'error') throw new StreamError(typeof payload.message === 'string' ? payload.message : 'Generation failed.');
    }
  };
  const decoder = new TextDecoder();
  if (res.body && typeof res.body.getReader === 'function') {
    const reader = res.body.getReader();
    try {
      for (;;) {
        const { value, done: end } = await reader.read();
        if (end) break;
        handle(parser.push(decoder.decode(value, { stream: true })));
        if (result.done) break;
      }
    } finally {
      // Done (or failed) before the server closed: stop reading; the server ends on its own.
      await reader.cancel().catch(() => undefined);
    }
  } else {
    // No readable stream (old engines): the whole answer at once, still parsed as events.
    handle(parser.push(await res.text()));
  }
  handle(parser.push(decoder.decode()));
  handle(parser.flush());
  if (!result.done) throw new StreamError('The server closed the stream before the answer was complete.');
  return result.done;
}
