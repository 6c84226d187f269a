import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { useStartTrainingMutation } from '../training/api';
import { submitRun } from '../runForm/submitRun';
import type { TrainingConfig, TrainingDraft } from '../training/trainingConfig';
import { setupServerErrorsSet, setupSubmitAttempted } from './setupSlice';
import type { FieldErrors } from '../runForm/validation';
import { SETUP_FIELD_ORDER } from './useSetupForm';

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

/** Start: validate → POST /training/start (see submitRun). */
export function useStartTraining(clientErrors: FieldErrors) {
  const dispatch = useAppDispatch();
  const draft = useAppSelector((s) => s.setup.draft);
  const [start, { isLoading }] = useStartTrainingMutation();

  async function submit() {
    dispatch(setupSubmitAttempted());
    if (!draft) return;
    await submitRun(dispatch, {
      kind: 'sft', clientErrors, order: SETUP_FIELD_ORDER, prefix: 'setup',
      post: () => start(toTrainingConfig(draft)).unwrap(),
      onServerErrors: (e) => dispatch(setupServerErrorsSet(e)),
    });
  }

  return { submit, isLoading };
}
