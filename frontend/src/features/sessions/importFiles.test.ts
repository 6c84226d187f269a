import { describe, expect, it } from 'vitest';
import { readSessionFiles } from './importFiles';

// jsdom's File has no text(); the browser's does, and that is all readSessionFiles uses.
const file = (name: string, text: string) => ({ name, text: async () => text }) as unknown as File;

describe('readSessionFiles', () => {
  it('reads several session files into one list, skips latest.json and reports unreadable ones', async () => {
    const a = { session_id: 'a', config: { model_path: '/m' } };
    const b = { session_id: 'b', config: { model_path: '/m' }, training_state: 'stopped' };
    const { sessions, errors, skipped } = await readSessionFiles([
      file('session_a.json', JSON.stringify(a)),
      file('session_b.json', JSON.stringify(b)),
      file('latest.json', JSON.stringify({ latest_session_id: 'b' })),
      file('broken.json', '{nope'),
      file('number.json', '3'),
    ]);
    expect(sessions).toEqual([a, b]);
    expect(skipped).toEqual(['latest.json']);
    expect(errors).toEqual(['broken.json: not valid JSON', 'number.json: not a session object']);
  });
});
