import type { AppDispatch } from '../../app/store';
import type { RunKind, StartResponse } from '../../app/apiTypes';
import { parseApiError } from '../../app/errors';
import { navigate } from '../../app/router';
import { notify } from '../notifications/notificationsSlice';
import { runStarted } from '../training/liveRunSlice';
import { focusFirstError, type FieldErrors } from './validation';

export interface SubmitRunOptions {
  kind: RunKind;
  clientErrors: FieldErrors;
  /** Field order for focusing the first error, and the id prefix of the form's inputs. */
  order: readonly string[];
  prefix: string;
  post: () => Promise<StartResponse>;
  onServerErrors: (errors: FieldErrors) => void;
}

/**
 * Start a run from a form (Setup or Enhanced Setup): blocked with focus on the first field error,
 * else POST → the live run → warnings as notifications → the Training tab. A 422's field errors go
 * back to the form (the listener middleware has already shown the server's message).
 */
export async function submitRun(dispatch: AppDispatch, o: SubmitRunOptions): Promise<void> {
  if (Object.keys(o.clientErrors).length > 0) {
    requestAnimationFrame(() => focusFirstError(o.clientErrors, o.order, o.prefix));
    return;
  }
  try {
    const res = await o.post();
    dispatch(runStarted({ response: res, kind: o.kind }));
    for (const w of res.warnings ?? []) dispatch(notify({ level: 'warning', title: 'Training started with a warning', message: w }));
    navigate('/training');
  } catch (err) {
    const { fieldErrors } = parseApiError(err);
    o.onServerErrors(fieldErrors);
    if (Object.keys(fieldErrors).length) requestAnimationFrame(() => focusFirstError(fieldErrors, o.order, o.prefix));
  }
}
