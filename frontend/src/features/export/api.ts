import { api } from '../../app/api';
import type { ExportRequest, ExportStarted, ExportStatus } from './types';

export const exportsApi = api.injectEndpoints({
  endpoints: (build) => ({
    listSessionExports: build.query<ExportStatus[], string>({
      query: (sessionId) => `/exports?session_id=${encodeURIComponent(sessionId)}`,
      providesTags: (_r, _e, id) => [{ type: 'Session', id }],
    }),
    listExports: build.query<ExportStatus[], void>({
      query: () => '/exports',
      providesTags: ['Sessions'],
    }),
    startExport: build.mutation<ExportStarted, { sessionId: string; body: ExportRequest }>({
      query: ({ sessionId, body }) => ({ url: `/sessions/${encodeURIComponent(sessionId)}/export`, method: 'POST', body }),
      invalidatesTags: (_r, _e, { sessionId }) => [{ type: 'Session', id: sessionId }],
    }),
    deleteExport: build.mutation<void, { id: string; sessionId: string }>({
      query: ({ id }) => ({ url: `/exports/${encodeURIComponent(id)}`, method: 'DELETE' }),
      invalidatesTags: (_r, _e, { sessionId }) => [{ type: 'Session', id: sessionId }],
    }),
  }),
});

export const { useListExportsQuery, useListSessionExportsQuery, useStartExportMutation, useDeleteExportMutation } = exportsApi;
