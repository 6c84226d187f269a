import { createApi, fetchBaseQuery, type BaseQueryFn, type FetchArgs, type FetchBaseQueryError } from '@reduxjs/toolkit/query/react';
import { apiBase, apiToken } from './env';

/** Resolves the base URL and token per request, so a shell (or a test) can set them after start-up. */
const baseQuery: BaseQueryFn<string | FetchArgs, unknown, FetchBaseQueryError> = (args, bqApi, extra) =>
  fetchBaseQuery({
    baseUrl: apiBase(),
    prepareHeaders: (headers) => {
      const token = apiToken();
      if (token && !headers.has('authorization')) headers.set('authorization', `Bearer ${token}`);
      return headers;
    },
  })(args, bqApi, extra);

/**
 * The one RTK Query API. Features add their endpoints with `api.injectEndpoints` (see
 * features/<name>/api.ts); this file only knows the base URL and the cache tags.
 */
export const api = createApi({
  reducerPath: 'api',
  baseQuery,
  tagTypes: ['Models', 'Datasets', 'Status', 'Sessions', 'Session', 'Logs', 'Loaded', 'Evaluation'],
  endpoints: () => ({}),
});

/** Endpoints whose failures the page shows in place (an error panel), so no toast repeats them. */
export const INLINE_ERROR_ENDPOINTS: ReadonlySet<string> = new Set(['startEvaluation', 'validateDataset', 'startExport', 'estimateMemory']);

/** Human titles for failure notifications, by endpoint name. */
export const ENDPOINT_TITLES: Record<string, string> = {
  getModels: 'Could not load models',
  getModelTargets: 'Could not resolve LoRA target modules',
  getModelFolders: 'Could not load the model folders',
  addModelFolder: 'Could not add the model folder',
  removeModelFolder: 'Could not remove the model folder',
  getDatasets: 'Could not load datasets',
  validateDataset: 'Could not validate the dataset',
  getTrainingDefaults: 'Could not load training defaults',
  getTrainingMethods: 'Could not load training methods',
  getTrainingStatus: 'Could not load training status',
  getTrainingLogs: 'Could not load training logs',
  startTraining: 'Could not start training',
  startEnhancedTraining: 'Could not start enhanced training',
  addToQueue: 'Could not add the run to the queue',
  moveQueueItem: 'Could not move the queued run',
  cancelQueueItem: 'Could not cancel the queued run',
  stopTraining: 'Could not stop training',
  listSessions: 'Could not load sessions',
  getSession: 'Could not load the session',
  loadSession: 'Could not load the session',
  resumeSession: 'Could not resume the session',
  deleteSession: 'Could not delete the session',
  importSessions: 'Could not import sessions',
  getLoadedSession: 'Could not read the loaded session',
  startEvaluation: 'Could not start the evaluation',
  getEvaluation: 'Could not read the evaluation',
};
