import { useState } from 'react';
import { useAppSelector } from '../../app/hooks';
import { Button } from '../../components/Button';
import { PageHeader } from '../../components/PageHeader';
import { Spinner } from '../../components/Spinner';
import { AnswerPanels } from './AnswerPanels';
import { EvaluationCard } from './EvaluationCard';
import { AdapterCard, BaseModelCard } from './HeaderCards';
import { HistoryCard } from './HistoryCard';
import { LoadSessionModal } from './LoadSessionModal';
import { PromptCard } from './PromptCard';
import { useCompareSession } from './useCompareSession';
import { MultiCompareCard } from './multi/MultiCompareCard';
import { useGenerate } from './useGenerate';

/** Compare tab: base model vs a session's adapter, side-by-side answers, history and evaluation. */
export function ComparePage() {
  const { sessionId, session, detail, modelAvailable, isLoading } = useCompareSession();
  const [modalOpen, setModalOpen] = useState(false);
  const hasBest = !!(session?.has_best ?? detail?.has_best);
  const { generate, stop, current, generating } = useGenerate(session, hasBest);
  const checkpointSetting = useAppSelector((s) => s.compare.settings.checkpoint);
  const checkpoint = checkpointSetting === 'best' && hasBest ? 'best' : 'final';
  const disabledReason = !session ? 'Load a session to compare its adapter.' : null;

  return (
    <div className="space-y-5" data-testid="compare-page" data-session-id={sessionId ?? ''}>
      <PageHeader title="Compare" subtitle="The base model and your fine-tuned adapter, side by side."
        actions={<Button size="sm" onClick={() => setModalOpen(true)} testId="header-load-session">Load session</Button>} />
      {isLoading ? (
        <p className="flex items-center gap-2 text-slate-500"><Spinner /> Loading…</p>
      ) : (
        <div className="grid gap-3 sm:grid-cols-2">
          <BaseModelCard session={session} modelAvailable={modelAvailable} />
          <AdapterCard session={session} onLoad={() => setModalOpen(true)} />
        </div>
      )}
      <PromptCard hasBest={hasBest} canGenerate={!!session && !generating} generating={generating} onGenerate={generate} onStop={stop} disabledReason={disabledReason} />
      {current && <AnswerPanels run={current} />}
      <EvaluationCard sessionId={sessionId} detail={detail} checkpoint={checkpoint} />
      <HistoryCard />
      <MultiCompareCard />
      <LoadSessionModal open={modalOpen} onClose={() => setModalOpen(false)} currentId={sessionId} />
    </div>
  );
}
