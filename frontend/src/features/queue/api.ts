import { api } from '../../app/api';
import type { QueueItem, QueueKind } from './types';

async function refetchQueue(_arg: unknown, { dispatch, queryFulfilled }: { dispatch: (a: unknown) => unknown; queryFulfilled: Promise<unknown> }) {
  try {
    await queryFulfilled;
  } catch {
    return;
  }
  dispatch(queueApi.endpoints.getQueue.initiate(undefined, { forceRefetch: true, subscribe: false }));
}

/** The run queue (POST/GET/PATCH/DELETE /queue); `queue_updated` events keep getQueue live (listeners.ts). */
export const queueApi = api.injectEndpoints({
  endpoints: (build) => ({
    getQueue: build.query<{ items: QueueItem[] }, void>({ query: () => '/queue' }),
    addToQueue: build.mutation<{ queue_id: string; position: number | null; item: QueueItem }, { kind: QueueKind; config: object }>({
      query: (body) => ({ url: '/queue', method: 'POST', body }),
      onQueryStarted: refetchQueue,
    }),
    moveQueueItem: build.mutation<QueueItem, { id: string; position: number }>({
      query: ({ id, position }) => ({ url: `/queue/${id}`, method: 'PATCH', body: { position } }),
      onQueryStarted: refetchQueue,
    }),
    cancelQueueItem: build.mutation<QueueItem, string>({
      query: (id) => ({ url: `/queue/${id}`, method: 'DELETE' }),
      onQueryStarted: refetchQueue,
    }),
  }),
});

export const { useGetQueueQuery, useAddToQueueMutation, useMoveQueueItemMutation, useCancelQueueItemMutation } = queueApi;
