/** Reads legacy `session_*.json` files into the body of POST /sessions/import (object or list). */
export async function readSessionFiles(files: Iterable<File>): Promise<{ sessions: unknown[]; errors: string[] }> {
  const sessions: unknown[] = [];
  const errors: string[] = [];
  for (const file of files) {
    try {
      const parsed: unknown = JSON.parse(await file.text());
      if (Array.isArray(parsed)) sessions.push(...parsed);
      else if (parsed && typeof parsed === 'object') sessions.push(parsed);
      else errors.push(`${file.name}: not a session object`);
    } catch {
      errors.push(`${file.name}: not valid JSON`);
    }
  }
  return { sessions, errors };
}
