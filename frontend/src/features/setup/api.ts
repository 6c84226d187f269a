import { api } from '../../app/api';
import type {
  DatasetInfo, DatasetValidation, DatasetValidationRequest, DistributedCheckResult, DistributedSettings, Health,
  LoraTargets, ModelFolder, ModelInfo,
} from '../../app/apiTypes';

export const setupApi = api.injectEndpoints({
  endpoints: (build) => ({
    getHealth: build.query<Health, void>({ query: () => '/health' }),
    getModels: build.query<ModelInfo[], { refresh?: boolean } | void>({
      query: (arg) => ({ url: '/models', params: arg?.refresh ? { refresh: true } : undefined }),
      providesTags: ['Models'],
    }),
    /** Folders the catalog scans; adding or removing one rescans, so the model list is refetched. */
    getModelFolders: build.query<{ folders: ModelFolder[] }, void>({
      query: () => '/models/folders',
      providesTags: ['Models'],
    }),
    addModelFolder: build.mutation<{ folders: ModelFolder[] }, string>({
      query: (path) => ({ url: '/models/folders', method: 'POST', body: { path } }),
      invalidatesTags: ['Models'],
    }),
    removeModelFolder: build.mutation<void, string>({
      query: (path) => ({ url: '/models/folders', method: 'DELETE', params: { path } }),
      invalidatesTags: ['Models'],
    }),
    getModelTargets: build.query<LoraTargets, { path: string; rank: number; num_layers: number }>({
      query: (params) => ({ url: '/models/targets', params }),
    }),
    getDatasets: build.query<DatasetInfo[], void>({
      query: () => '/datasets',
      providesTags: ['Datasets'],
    }),
    /** A POST without side effects: a query, so results are cached per request. */
    validateDataset: build.query<DatasetValidation, DatasetValidationRequest>({
      query: (body) => ({ url: '/datasets/validate', method: 'POST', body }),
    }),
    /** Launches a tiny all-reduce on the hosts; each rank reported reachable or not. */
    checkDistributed: build.mutation<DistributedCheckResult, DistributedSettings & { paths?: string[] }>({
      query: (body) => ({ url: '/training/distributed/check', method: 'POST', body }),
    }),
  }),
});

export const {
  useGetHealthQuery, useGetModelsQuery, useGetModelFoldersQuery, useAddModelFolderMutation, useRemoveModelFolderMutation, useGetModelTargetsQuery, useGetDatasetsQuery, useValidateDatasetQuery,
  useCheckDistributedMutation,
} = setupApi;
