import { api } from '../../app/api';
import type { EvaluationRequest, EvaluationStarted, EvaluationStatus } from './types';

export const compareApi = api.injectEndpoints({
  endpoints: (build) => ({
    /** The session Compare uses (POST /sessions/{id}/load sets it; `session_loaded` events refresh it). */
    getLoadedSession: build.query<{ session_id: string | null }, void>({
      query: () => '/sessions/loaded',
      providesTags: ['Loaded'],
    }),
    startEvaluation: build.mutation<EvaluationStarted, EvaluationRequest>({
      query: (body) => ({ url: '/evaluation/start', method: 'POST', body }),
      invalidatesTags: (_r, _e, arg) => (arg.session_ids ?? [arg.session_id]).map((id) => ({ type: 'Session' as const, id: id ?? undefined })),
    }),
    getEvaluation: build.query<EvaluationStatus, string>({
      query: (id) => `/evaluation/${encodeURIComponent(id)}`,
      providesTags: (_r, _e, id) => [{ type: 'Evaluation', id }],
    }),
  }),
});

export const { useGetLoadedSessionQuery, useStartEvaluationMutation, useGetEvaluationQuery } = compareApi;
