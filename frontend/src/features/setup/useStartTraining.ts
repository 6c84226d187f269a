import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { parseApiError } from '../../app/errors';
import { navigate } from '../../app/router';
import { notify } from '../notifications/notificationsSlice';
import { useStartTrainingMutation } from '../training/api';
import { runStarted } from '../training/liveRunSlice';
import type { TrainingConfig, TrainingDraft } from '../training/trainingConfig';
import { setupServerErrorsSet, setupSubmitAttempted } from './setupSlice';
import type { FieldErrors } from './validation';
import { focusFirstError, SETUP_FIELD_ORDER } from './useSetupForm';

/** The POST body: a validated draft (coverage chosen, empty optional path → null). */
export function toTrainingConfig(draft: TrainingDraft): TrainingConfig {
  if (draft.lora_num_layers === null) throw new Error('layer coverage not chosen');
  const val = typeof draft.val_data_path === 'string' ? draft.val_data_path.trim() : '';
  return {
    ...draft,
    model_path: draft.model_path.trim(),
    train_data_path: draft.train_data_path.trim(),
    val_data_path: val === '' ? null : val,
    lora_num_layers: draft.lora_num_layers,
  };
}

/** Start: validate → POST /training/start → show the run on the Training tab; 422 → inline errors. */
export function useStartTraining(clientErrors: FieldErrors) {
  const dispatch = useAppDispatch();
  const draft = useAppSelector((s) => s.setup.draft);
  const [start, { isLoading }] = useStartTrainingMutation();

  async function submit() {
    dispatch(setupSubmitAttempted());
    if (!draft) return;
    if (Object.keys(clientErrors).length > 0) {
      requestAnimationFrame(() => focusFirstError(clientErrors, SETUP_FIELD_ORDER, 'setup'));
      return;
    }
    try {
      const res = await start(toTrainingConfig(draft)).unwrap();
      dispatch(runStarted({ response: res, kind: 'sft' }));
      for (const w of res.warnings ?? []) dispatch(notify({ level: 'warning', title: 'Training started with a warning', message: w }));
      navigate('/training');
    } catch (err) {
      // The listener middleware already raised a notification with the server's message.
      const parsed = parseApiError(err);
      dispatch(setupServerErrorsSet(parsed.fieldErrors));
      if (Object.keys(parsed.fieldErrors).length) {
        requestAnimationFrame(() => focusFirstError(parsed.fieldErrors, SETUP_FIELD_ORDER, 'setup'));
      }
    }
  }

  return { submit, isLoading };
}
