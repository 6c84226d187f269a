import type { SessionDetail, SessionSummary } from '../../app/apiTypes';
import { useGetSessionQuery, useListSessionsQuery } from '../sessions/api';
import { useGetModelsQuery } from '../setup/api';
import { useGetLoadedSessionQuery } from './api';

export interface CompareSession {
  sessionId: string | null;
  /** The loaded session's summary (readiness, LoRA, losses) from GET /sessions. */
  session: SessionSummary | null;
  detail: SessionDetail | null;
  /** The base model is a catalog entry that can be read (null while unknown). */
  modelAvailable: boolean | null;
  isLoading: boolean;
}

/** The session Compare works with: GET /sessions/loaded, joined with its summary and detail. */
export function useCompareSession(): CompareSession {
  const loaded = useGetLoadedSessionQuery();
  const sessionId = loaded.data?.session_id ?? null;
  const list = useListSessionsQuery();
  const detail = useGetSessionQuery(sessionId ?? '', { skip: !sessionId });
  const models = useGetModelsQuery();
  const session = list.data?.find((s) => s.id === sessionId) ?? null;
  const modelPath = session?.model_path ?? null;
  const modelAvailable = !modelPath || !models.data ? null : models.data.some((m) => m.path === modelPath && !m.error);
  return {
    sessionId,
    session,
    detail: sessionId && detail.data?.id === sessionId ? detail.data : null,
    modelAvailable,
    isLoading: loaded.isLoading || (!!sessionId && list.isLoading),
  };
}
