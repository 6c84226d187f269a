import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { parseApiError } from '../../app/errors';
import { Button } from '../../components/Button';
import { toEnhancedConfig } from '../enhanced/enhancedValidation';
import { enhancedServerErrorsSet, enhancedSubmitAttempted } from '../enhanced/enhancedSlice';
import { notify } from '../notifications/notificationsSlice';
import { setupServerErrorsSet, setupSubmitAttempted } from '../setup/setupSlice';
import { focusFirstError } from '../setup/useSetupForm';
import { toTrainingConfig } from '../setup/useStartTraining';
import type { FieldErrors } from '../setup/validation';
import { useAddToQueueMutation } from './api';
import { unwrapConfigLocs, type QueueKind } from './types';

interface Props {
  kind: QueueKind;
  clientErrors: FieldErrors;
  /** Field order and id prefix of the form, for focusing the first error. */
  order: readonly string[];
  prefix: string;
  className?: string;
}

/** "Add to queue" beside a Start button: the same checks as Start, then POST /queue (the server validates like a start). */
export function AddToQueueButton({ kind, clientErrors, order, prefix, className }: Props) {
  const dispatch = useAppDispatch();
  const setupDraft = useAppSelector((s) => s.setup.draft);
  const enhancedDraft = useAppSelector((s) => s.enhanced.draft);
  const [add, { isLoading }] = useAddToQueueMutation();

  async function click() {
    dispatch(kind === 'sft' ? setupSubmitAttempted() : enhancedSubmitAttempted());
    if (Object.keys(clientErrors).length > 0) {
      requestAnimationFrame(() => focusFirstError(clientErrors, order, prefix));
      return;
    }
    const config = kind === 'sft' ? setupDraft && toTrainingConfig(setupDraft) : enhancedDraft && toEnhancedConfig(enhancedDraft);
    if (!config) return;
    try {
      const res = await add({ kind, config }).unwrap();
      const where = res.position === null ? 'It has started.' : `Queued at position ${res.position}; it starts when nothing else runs.`;
      dispatch(notify({ level: 'info', title: 'Added to the queue', message: `${String(res.item.summary.adapter_name ?? 'Run')}: ${where}` }));
    } catch (err) {
      const { fieldErrors } = parseApiError(unwrapConfigLocs(err));
      dispatch(kind === 'sft' ? setupServerErrorsSet(fieldErrors) : enhancedServerErrorsSet(fieldErrors));
      if (Object.keys(fieldErrors).length) requestAnimationFrame(() => focusFirstError(fieldErrors, order, prefix));
    }
  }

  return (
    <Button variant="secondary" size="lg" onClick={click} loading={isLoading} className={className} testId={`${kind === 'sft' ? 'setup' : 'enhanced'}-add-to-queue`}>
      Add to queue
    </Button>
  );
}
