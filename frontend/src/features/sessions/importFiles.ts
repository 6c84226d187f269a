/**
 * Reads the older app's `session_*.json` files into the body of POST /sessions/import (a list).
 * Its `latest.json` (`{"latest_session_id": ...}`) only points at a session, so it is skipped.
 */
export async function readSessionFiles(files: Iterable<File>): Promise<{ sessions: unknown[]; errors: string[]; skipped: string[] }> {
  const sessions: unknown[] = [];
  const errors: string[] = [];
  const skipped: string[] = [];
  for (const file of files) {
    try {
      const parsed: unknown = JSON.parse(await file.text());
      if (Array.isArray(parsed)) sessions.push(...parsed);
      else if (isLatestPointer(parsed)) skipped.push(file.name);
      else if (parsed && typeof parsed === 'object') sessions.push(parsed);
      else errors.push(`${file.name}: not a session object`);
    } catch {
      errors.push(`${file.name}: not valid JSON`);
    }
  }
  return { sessions, errors, skipped };
}

function isLatestPointer(value: unknown): boolean {
  return !!value && typeof value === 'object' && 'latest_session_id' in value && !('config' in value);
}
