import { EmptyState } from '../../components/EmptyState';

/** Placeholder: the Compare tab (base vs adapter inference and evaluation) arrives with its own issue. */
export function ComparePage() {
  return (
    <div data-testid="compare-page" className="space-y-4">
      <h1 className="text-xl font-semibold tracking-tight">Compare</h1>
      <EmptyState title="Compare base and adapter" testId="compare-placeholder">
        Side-by-side generation and base-vs-adapter evaluation will live here. Load a session from the{' '}
        <a className="font-medium text-brand-600 underline-offset-2 hover:underline dark:text-brand-400" href="#/sessions">Sessions</a> tab to choose which adapter to compare.
      </EmptyState>
    </div>
  );
}
