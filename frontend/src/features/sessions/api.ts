import { api } from '../../app/api';
import type { ImportResponse, SessionDetail, SessionSummary, StartResponse } from '../../app/apiTypes';

export const sessionsApi = api.injectEndpoints({
  endpoints: (build) => ({
    listSessions: build.query<SessionSummary[], void>({
      query: () => '/sessions',
      providesTags: ['Sessions'],
    }),
    getSession: build.query<SessionDetail, string>({
      query: (id) => `/sessions/${encodeURIComponent(id)}`,
      providesTags: (_r, _e, id) => [{ type: 'Session', id }],
    }),
    loadSession: build.mutation<{ session_id: string }, string>({
      query: (id) => ({ url: `/sessions/${encodeURIComponent(id)}/load`, method: 'POST' }),
      invalidatesTags: ['Status', 'Loaded'],
    }),
    resumeSession: build.mutation<StartResponse, string>({
      query: (id) => ({ url: `/sessions/${encodeURIComponent(id)}/resume`, method: 'POST' }),
      invalidatesTags: (_r, _e, id) => ['Sessions', 'Status', { type: 'Session', id }],
    }),
    deleteSession: build.mutation<void, string>({
      query: (id) => ({ url: `/sessions/${encodeURIComponent(id)}`, method: 'DELETE' }),
      invalidatesTags: ['Sessions'],
    }),
    importSessions: build.mutation<ImportResponse, unknown>({
      query: (body) => ({ url: '/sessions/import', method: 'POST', body }),
      invalidatesTags: ['Sessions'],
    }),
  }),
});

export const {
  useListSessionsQuery, useGetSessionQuery, useLoadSessionMutation, useResumeSessionMutation,
  useDeleteSessionMutation, useImportSessionsMutation,
} = sessionsApi;
