import { api } from '../../app/api';
import type {
  LogsResponse, MethodsResponse, StartResponse, TrainingDefaultsResponse, TrainingStatus,
} from '../../app/apiTypes';
import type { TrainingConfig } from './trainingConfig';

export const trainingApi = api.injectEndpoints({
  endpoints: (build) => ({
    getTrainingDefaults: build.query<TrainingDefaultsResponse, void>({
      query: () => '/training/defaults',
    }),
    getTrainingMethods: build.query<MethodsResponse, void>({
      query: () => '/training/methods',
    }),
    getTrainingStatus: build.query<TrainingStatus, void>({
      query: () => '/training/status',
      providesTags: ['Status'],
    }),
    getTrainingLogs: build.query<LogsResponse, { run_id: string; tail: number }>({
      query: ({ run_id, tail }) => ({ url: '/training/logs', params: { run_id, tail } }),
      providesTags: (_r, _e, arg) => [{ type: 'Logs', id: arg.run_id }],
    }),
    startTraining: build.mutation<StartResponse, TrainingConfig>({
      query: (body) => ({ url: '/training/start', method: 'POST', body }),
      invalidatesTags: ['Sessions', 'Status'],
    }),
    stopTraining: build.mutation<{ run_id: string | null; state: string }, void>({
      query: () => ({ url: '/training/stop', method: 'POST' }),
      // the run is now "stopping" in the list and in its detail too
      invalidatesTags: (r) => ['Status', 'Sessions', ...(r?.run_id ? [{ type: 'Session' as const, id: r.run_id }] : [])],
    }),
  }),
});

export const {
  useGetTrainingDefaultsQuery, useGetTrainingMethodsQuery, useGetTrainingStatusQuery,
  useGetTrainingLogsQuery, useStartTrainingMutation,
  useStopTrainingMutation,
} = trainingApi;
