import { useAppDispatch } from '../../app/hooks';
import { parseApiError } from '../../app/errors';
import { Button } from '../../components/Button';
import { notify } from '../notifications/notificationsSlice';
import { focusFirstError, type FieldErrors } from '../runForm/validation';
import { useAddToQueueMutation } from './api';
import { unwrapConfigLocs, type QueueKind } from './types';

interface Props {
  kind: QueueKind;
  /** The start body the form would send now (null while it has no draft). */
  config: object | null;
  clientErrors: FieldErrors;
  /** The form's own bookkeeping: show every error now, and the server's field errors. */
  onSubmitAttempted: () => void;
  onServerErrors: (errors: FieldErrors) => void;
  /** Field order and id prefix of the form, for focusing the first error. */
  order: readonly string[];
  prefix: string;
  className?: string;
}

/** "Add to queue" beside a Start button: the same checks as Start, then POST /queue (the server validates like a start). */
export function AddToQueueButton({ kind, config, clientErrors, onSubmitAttempted, onServerErrors, order, prefix, className }: Props) {
  const dispatch = useAppDispatch();
  const [add, { isLoading }] = useAddToQueueMutation();

  async function click() {
    onSubmitAttempted();
    if (Object.keys(clientErrors).length > 0) {
      requestAnimationFrame(() => focusFirstError(clientErrors, order, prefix));
      return;
    }
    if (!config) return;
    try {
      const res = await add({ kind, config }).unwrap();
      const where = res.position === null ? 'It has started.' : `Queued at position ${res.position}; it starts when nothing else runs.`;
      dispatch(notify({ level: 'info', title: 'Added to the queue', message: `${String(res.item.summary.adapter_name ?? 'Run')}: ${where}` }));
    } catch (err) {
      const { fieldErrors } = parseApiError(unwrapConfigLocs(err));
      onServerErrors(fieldErrors);
      if (Object.keys(fieldErrors).length) requestAnimationFrame(() => focusFirstError(fieldErrors, order, prefix));
    }
  }

  return (
    <Button variant="secondary" size="lg" onClick={click} loading={isLoading} className={className} testId={`${kind === 'sft' ? 'setup' : 'enhanced'}-add-to-queue`}>
      Add to queue
    </Button>
  );
}
