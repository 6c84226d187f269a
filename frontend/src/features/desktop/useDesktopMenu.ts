import { useEffect } from 'react';
import { getBridge, type MenuCommand } from '../../app/electronBridge';
import { useAppDispatch } from '../../app/hooks';
import { navigate } from '../../app/router';
import { notify } from '../notifications/notificationsSlice';
import { themeToggled } from '../theme/themeSlice';
import { trainingApi } from '../training/api';
import { startRequested, trainPathRequested } from './desktopSlice';
import type { AppDispatch } from '../../app/store';

/** What each menu command does in the SPA (exported for tests). */
export function handleMenuCommand(command: MenuCommand, dispatch: AppDispatch): void {
  switch (command.type) {
    case 'open-training-data':
      dispatch(trainPathRequested(command.path));
      navigate('/setup');
      break;
    case 'start-training':
      // Setup's own Start: same validation, same errors, same navigation to Training.
      dispatch(startRequested());
      navigate('/setup');
      break;
    case 'stop-training':
      void dispatch(trainingApi.endpoints.stopTraining.initiate()).unwrap()
        .then((r) => dispatch(notify({ level: 'info', title: 'Stopping training', message: r.run_id ? `Run ${r.run_id} is saving its adapter.` : 'No run is active.' })))
        .catch(() => undefined); // failures are toasted by the notifications listener
      break;
    case 'toggle-theme':
      dispatch(themeToggled());
      break;
  }
}

/** Subscribes to the desktop shell's menu, when the SPA runs inside it (no-op in a browser). */
export function useDesktopMenu(): void {
  const dispatch = useAppDispatch();
  useEffect(() => {
    const bridge = getBridge();
    if (!bridge || typeof bridge.onMenu !== 'function') return;
    return bridge.onMenu((command) => handleMenuCommand(command, dispatch));
  }, [dispatch]);
}
