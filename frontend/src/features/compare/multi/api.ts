import { api } from '../../../app/api';
import type { EvaluationRequest, EvaluationStarted } from '../types';

/** One evaluation of several sessions against the base (`session_ids`, not `session_id`). */
export type MultiEvaluationRequest = EvaluationRequest & { session_ids: string[] };

export const multiCompareApi = api.injectEndpoints({
  endpoints: (build) => ({
    startMultiEvaluation: build.mutation<EvaluationStarted, MultiEvaluationRequest>({
      query: (body) => ({ url: '/evaluation/start', method: 'POST', body }),
    }),
  }),
});

export const { useStartMultiEvaluationMutation } = multiCompareApi;
