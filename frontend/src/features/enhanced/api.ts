import { api } from '../../app/api';
import type { StartResponse } from '../../app/apiTypes';
import type { EnhancedTrainingConfig } from './enhancedConfig';

export const enhancedApi = api.injectEndpoints({
  endpoints: (build) => ({
    startEnhancedTraining: build.mutation<StartResponse, EnhancedTrainingConfig>({
      query: (body) => ({ url: '/training/start-enhanced', method: 'POST', body }),
      invalidatesTags: ['Sessions', 'Status'],
    }),
  }),
});

export const { useStartEnhancedTrainingMutation } = enhancedApi;
