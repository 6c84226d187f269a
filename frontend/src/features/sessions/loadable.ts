import type { Readiness, RunState } from '../../app/apiTypes';

/** States in which a run still owns its files (Delete answers 409). */
export const ACTIVE_RUN_STATES: ReadonlySet<RunState> = new Set(['starting', 'running', 'stopping']);

/**
 * Why a session cannot be loaded for Compare, or null when it can. The server refuses the same
 * sessions (POST /sessions/{id}/load → 409), so Sessions and Compare offer Load alike.
 */
export function loadBlockedReason(s: { readiness: Readiness }): string | null {
  return s.readiness === 'missing_files' ? 'No adapter files on disk: there is nothing to load.' : null;
}
