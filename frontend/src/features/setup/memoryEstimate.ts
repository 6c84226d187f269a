import { api } from '../../app/api';
import { useDebounced } from '../../app/useDebounced';
import type { TrainingConfig } from '../training/trainingConfig';

/** POST /training/estimate (backend/training/estimate.py). */
export interface MemoryEstimate {
  peak_bytes: number;
  breakdown: { weights: number; lora_params: number; gradients: number; optimizer_state: number; activations: number };
  available_bytes: number;
  verdict: 'ok' | 'tight' | 'too_big';
  sequence_length: number;
  lora_parameters: number;
}

export const estimateApi = api.injectEndpoints({
  endpoints: (build) => ({
    estimateMemory: build.query<MemoryEstimate, TrainingConfig>({
      query: (body) => ({ url: '/training/estimate', method: 'POST', body }),
    }),
  }),
});

/** Share of the available memory the run needs at its peak (1 = all of it). */
export function memoryShare(est: Pick<MemoryEstimate, 'peak_bytes' | 'available_bytes'>): number {
  return est.available_bytes > 0 ? est.peak_bytes / est.available_bytes : Infinity;
}

/** The live estimate for a valid config (re-asked once edits pause); undefined while invalid. */
export function useMemoryEstimate(config: TrainingConfig | null) {
  const settled = useDebounced(config, 500);
  return estimateApi.useEstimateMemoryQuery(settled ?? (undefined as unknown as TrainingConfig), { skip: !settled });
}
