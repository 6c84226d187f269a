import { useRef } from 'react';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { GenerationControls } from './GenerationControls';
import { promptChanged, settingsChanged } from './compareSlice';
import { pasteSourceLabel, usePaste } from './usePaste';

export const MAX_PROMPT_CHARS = 16_000;

export interface PromptCardProps {
  hasBest: boolean;
  canGenerate: boolean;
  generating: boolean;
  onGenerate: () => void;
  onStop: () => void;
  disabledReason: string | null;
}

/** The prompt (with robust paste), optional system message, sampling settings and Generate. */
export function PromptCard({ hasBest, canGenerate, generating, onGenerate, onStop, disabledReason }: PromptCardProps) {
  const dispatch = useAppDispatch();
  const prompt = useAppSelector((s) => s.compare.prompt);
  const system = useAppSelector((s) => s.compare.settings.system);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const paste = usePaste(textarea);
  const tooLong = prompt.length > MAX_PROMPT_CHARS;

  return (
    <Card id="prompt" title="Prompt" description="Both models answer the same prompt with the same settings." testId="prompt-card"
      actions={
        <Button size="sm" onMouseDown={(e) => e.preventDefault() /* keep the caret in the prompt */} onClick={() => void paste.pasteButton()} testId="paste-button"
          icon={<svg viewBox="0 0 24 24" className="size-3.5" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden><rect x="8" y="2" width="8" height="4" rx="1" /><path d="M16 4h2a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2h2" /></svg>}>
          Paste
        </Button>
      }>
      <div className="space-y-3">
        <label htmlFor="compare-prompt" className="sr-only">Prompt</label>
        <textarea
          id="compare-prompt"
          ref={textarea}
          data-testid="prompt-input"
          rows={4}
          value={prompt}
          placeholder="Ask something your adapter was trained on… (Ctrl+Enter to generate)"
          onChange={(e) => dispatch(promptChanged(e.target.value))}
          onPaste={paste.onPaste}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && canGenerate && !tooLong) {
              e.preventDefault();
              onGenerate();
            }
          }}
          aria-invalid={tooLong || undefined}
          aria-describedby="compare-prompt-help"
          className="input min-h-24 resize-y font-[inherit] leading-relaxed"
        />
        <div id="compare-prompt-help" className="flex flex-wrap justify-between gap-2 text-xs text-slate-500 dark:text-slate-400" aria-live="polite">
          <span data-testid="paste-status" data-state={paste.status?.kind ?? ''}>
            {paste.status?.kind === 'ok' && `Pasted from ${pasteSourceLabel(paste.status.source)}.`}
            {paste.status?.kind === 'error' && <span className="text-rose-600 dark:text-rose-400">{paste.status.message}</span>}
          </span>
          <span className={tooLong ? 'font-medium text-rose-600' : ''}>{prompt.length.toLocaleString('en-US')} / {MAX_PROMPT_CHARS.toLocaleString('en-US')}</span>
        </div>
        <details className="text-sm">
          <summary className="cursor-pointer select-none text-xs font-medium text-slate-600 dark:text-slate-300">System message {system ? '(set)' : '(optional)'}</summary>
          <textarea data-testid="system-input" aria-label="System message" rows={2} value={system} onChange={(e) => dispatch(settingsChanged({ system: e.target.value }))}
            className="input mt-2 resize-y" placeholder="e.g. You are a concise assistant." />
        </details>
        <GenerationControls hasBest={hasBest} />
        <div className="flex flex-wrap items-center gap-2">
          {generating ? (
            <Button variant="danger" onClick={onStop} testId="stop-generate">Stop</Button>
          ) : (
            <Button variant="primary" onClick={onGenerate} disabled={!canGenerate || tooLong || !prompt.trim()} testId="generate-button">Generate</Button>
          )}
          {disabledReason && !generating && <span className="text-xs text-slate-500 dark:text-slate-400" data-testid="generate-disabled-reason">{disabledReason}</span>}
        </div>
      </div>
    </Card>
  );
}
