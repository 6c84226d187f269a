import { api } from '../../../app/api';
import type { EvaluationStarted } from '../types';

export interface MultiEvaluationRequest {
  session_ids: string[];
  num_questions: number;
  max_tokens: number;
  checkpoint: 'final' | 'best';
  dataset_path?: string;
}

export const multiCompareApi = api.injectEndpoints({
  endpoints: (build) => ({
    startMultiEvaluation: build.mutation<EvaluationStarted, MultiEvaluationRequest>({
      query: (body) => ({ url: '/evaluation/start', method: 'POST', body }),
    }),
  }),
});

export const { useStartMultiEvaluationMutation } = multiCompareApi;
