import { useAppDispatch } from '../../app/hooks';
import type { SessionDetail } from '../../app/apiTypes';
import { navigate } from '../../app/router';
import { mergeEnhancedConfig } from '../enhanced/enhancedConfig';
import { enhancedDraftReplaced } from '../enhanced/enhancedSlice';
import { notify } from '../notifications/notificationsSlice';
import { setupDraftReplaced } from '../setup/setupSlice';
import { useGetTrainingDefaultsQuery, useGetTrainingMethodsQuery } from '../training/api';
import { useGetLoadedSessionQuery } from '../compare/api';
import { runStarted } from '../training/liveRunSlice';
import { mergeTrainingConfig } from '../training/trainingConfig';
import { useDeleteSessionMutation, useLoadSessionMutation, useResumeSessionMutation } from './api';

/** Load / resume / delete a session, or copy its settings into Setup or Enhanced Setup. */
export function useSessionActions(session: SessionDetail | undefined) {
  const dispatch = useAppDispatch();
  const { data: defaults } = useGetTrainingDefaultsQuery();
  const { data: methods } = useGetTrainingMethodsQuery(undefined, { skip: session?.kind !== 'enhanced' });
  const [load, loadState] = useLoadSessionMutation();
  const { data: loadedSession } = useGetLoadedSessionQuery();
  const [resume, resumeState] = useResumeSessionMutation();
  const [remove, removeState] = useDeleteSessionMutation();

  const onLoad = async () => {
    if (!session) return;
    try {
      await load(session.id).unwrap();
      dispatch(notify({ level: 'success', title: 'Session loaded', message: `${session.name} is now the current session: open Compare to try it.` }));
    } catch { /* notified */ }
  };

  const onResume = async () => {
    if (!session) return;
    try {
      const res = await resume(session.id).unwrap();
      dispatch(runStarted({ response: res, kind: session.kind }));
      navigate('/training');
    } catch { /* notified */ }
  };

  const onDelete = async () => {
    if (!session) return false;
    try {
      await remove(session.id).unwrap();
      dispatch(notify({ level: 'info', title: 'Session deleted', message: session.name }));
      navigate('/sessions');
      return true;
    } catch {
      return false;
    }
  };

  const canUseSettings = !!session?.config && !!defaults && (session.kind !== 'enhanced' || !!methods);
  const onUseSettings = () => {
    if (!session?.config || !defaults) return;
    if (session.kind === 'enhanced') {
      const m = methods?.methods.find((x) => x.id === session.config?.training_method) ?? methods?.methods[0];
      if (!m) return;
      dispatch(enhancedDraftReplaced(mergeEnhancedConfig(defaults, m, session.config)));
      navigate('/enhanced');
    } else {
      dispatch(setupDraftReplaced({ draft: mergeTrainingConfig(defaults, session.config), origin: { kind: 'session', id: session.id, name: session.name } }));
      navigate('/setup');
    }
  };

  return {
    loaded: !!session && loadedSession?.session_id === session.id,
    onLoad, onResume, onDelete, onUseSettings, canUseSettings,
    loading: loadState.isLoading, resuming: resumeState.isLoading, deleting: removeState.isLoading,
  };
}
