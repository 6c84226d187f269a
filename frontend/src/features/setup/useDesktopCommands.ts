import { useEffect } from 'react';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { startHandled, trainPathApplied } from '../desktop/desktopSlice';
import { setupFieldChanged } from './setupSlice';

/** Runs pending menu commands on the Setup page once its draft exists. */
export function useDesktopCommands(submit: () => Promise<void>): void {
  const dispatch = useAppDispatch();
  const ready = useAppSelector((s) => s.setup.draft !== null);
  const { pendingTrainPath, pendingStart } = useAppSelector((s) => s.desktop);
  useEffect(() => {
    if (!ready || pendingTrainPath === null) return;
    dispatch(setupFieldChanged('train_data_path', pendingTrainPath));
    dispatch(trainPathApplied());
  }, [ready, pendingTrainPath, dispatch]);
  useEffect(() => {
    if (!ready || !pendingStart || pendingTrainPath !== null) return;
    dispatch(startHandled());
    void submit();
  }, [ready, pendingStart, pendingTrainPath, dispatch, submit]);
}
