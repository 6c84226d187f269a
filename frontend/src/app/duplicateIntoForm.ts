/**
 * "Duplicate…" in the Training tab's queue panel: an item's config into its setup tab. It sits above
 * the features it joins (queue, setup, enhanced, training), so none of them imports another for it.
 */
import { useAppDispatch } from './hooks';
import { navigate } from './router';
import { mergeEnhancedConfig } from '../features/enhanced/enhancedConfig';
import { enhancedDraftReplaced } from '../features/enhanced/enhancedSlice';
import type { QueueItem } from '../features/queue/types';
import { setupDraftReplaced } from '../features/setup/setupSlice';
import { useGetTrainingDefaultsQuery, useGetTrainingMethodsQuery } from '../features/training/api';
import { mergeTrainingConfig } from '../features/training/trainingConfig';

/** Loads an item's config into its setup tab, to start or queue a changed copy. */
export function useDuplicateIntoForm() {
  const dispatch = useAppDispatch();
  const { data: defaults } = useGetTrainingDefaultsQuery();
  const { data: methods } = useGetTrainingMethodsQuery();
  return (item: QueueItem) => {
    if (!defaults) return;
    if (item.kind === 'sft') {
      dispatch(setupDraftReplaced({ draft: mergeTrainingConfig(defaults, item.config), origin: { kind: 'defaults' } }));
      navigate('/setup');
      return;
    }
    const method = methods?.methods.find((m) => m.id === item.config.training_method) ?? methods?.methods[0];
    if (!method) return;
    dispatch(enhancedDraftReplaced(mergeEnhancedConfig(defaults, method, item.config)));
    navigate('/enhanced');
  };
}

