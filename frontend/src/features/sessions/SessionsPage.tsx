import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { Spinner } from '../../components/Spinner';
import { useGetSessionQuery, useListSessionsQuery } from './api';
import { ImportButton } from './ImportButton';
import { SessionDetailView } from './SessionDetailView';
import { SessionList } from './SessionList';

function DetailPane({ id }: { id: string }) {
  const { data, isLoading, isError } = useGetSessionQuery(id);
  if (isLoading) return <p className="flex items-center gap-2 text-slate-500"><Spinner /> Loading session…</p>;
  if (isError || !data) return <EmptyState title="Session not available" testId="session-missing">It may have been deleted.</EmptyState>;
  return <SessionDetailView session={data} />;
}

/** Sessions tab: every run (a session is a run), details, load/resume/delete, legacy import. */
export function SessionsPage({ sessionId }: { sessionId: string | null }) {
  const { data: sessions = [], isLoading, isError, refetch, isFetching } = useListSessionsQuery();
  const sorted = [...sessions].sort((a, b) => b.created_at - a.created_at);
  return (
    <div className="space-y-5" data-testid="sessions-page">
      <PageHeader title="Sessions" subtitle="Every training run, with its configuration, metrics and adapters." actions={<ImportButton />} />
      {isLoading ? (
        <p className="flex items-center gap-2 text-slate-500"><Spinner /> Loading sessions…</p>
      ) : isError ? (
        <EmptyState title="Sessions could not be loaded" action={<Button onClick={() => refetch()} loading={isFetching}>Retry</Button>} />
      ) : sorted.length === 0 ? (
        <EmptyState title="No sessions yet" testId="sessions-empty">Runs you start appear here. Older sessions can be imported from their JSON files.</EmptyState>
      ) : (
        <div className="grid grid-cols-1 gap-5 lg:grid-cols-[minmax(0,22rem)_minmax(0,1fr)]">
          <div className={sessionId ? 'hidden lg:block' : ''}>
            <SessionList sessions={sorted} selectedId={sessionId} />
          </div>
          <div className="min-w-0">
            {sessionId ? (
              <>
                <a href="#/sessions" className="mb-3 inline-block text-sm font-medium text-brand-600 hover:underline lg:hidden dark:text-brand-400">← All sessions</a>
                <DetailPane id={sessionId} />
              </>
            ) : (
              <div className="hidden lg:block">
                <EmptyState title="Select a session">Details, metrics and actions appear here.</EmptyState>
              </div>
            )}
          </div>
        </div>
      )}
    </div>
  );
}
