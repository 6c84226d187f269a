import type { ConfigValue, SessionSummary } from '../../app/apiTypes';
import { Card } from '../../components/Card';
import { NumberField } from '../../components/ConfigFields';
import { Field } from '../../components/Field';
import { SelectInput } from '../../components/inputs';
import { useListSessionsQuery } from '../sessions/api';
import type { FieldErrors } from '../runForm/validation';
import type { EnhancedDraft } from './enhancedConfig';

interface Props {
  draft: EnhancedDraft;
  errors: FieldErrors;
  set: (field: string, value: ConfigValue) => void;
  touch: (field: string) => void;
}

const NUMBERS: [string, string, string][] = [
  ['lora_rank', 'LoRA rank', 'Size of the low-rank update (r).'],
  ['lora_alpha', 'LoRA alpha', 'Scaling numerator (α); scale = α / r.'],
  ['lora_dropout', 'LoRA dropout', '0 ≤ dropout < 1.'],
  ['lora_num_layers', 'Layer coverage', '-1 = all blocks, k = the top k blocks.'],
];

/** Sessions whose adapter an Enhanced run can start from: finished, with weights, on the chosen model. */
export function startableSessions(sessions: SessionSummary[], modelPath: string): SessionSummary[] {
  return sessions.filter((s) => (s.readiness === 'ready' || s.readiness === 'best_available' || s.readiness === 'incomplete')
    && !!s.model_path && s.model_path === modelPath && s.lora !== null);
}

/**
 * The Enhanced run's LoRA: a fresh attention-only adapter (r 8 / α 16 baseline, editable), or a
 * session's adapter to continue from (GRPO after SFT) — then its keys, rank, alpha and coverage are kept.
 */
export function EnhancedLoraCard({ draft, errors, set, touch }: Props) {
  const { data: sessions = [] } = useListSessionsQuery();
  const choices = startableSessions(sessions, draft.model_path);
  const from = typeof draft.start_from_session_id === 'string' ? draft.start_from_session_id : '';
  const chosen = sessions.find((s) => s.id === from);
  return (
    <Card id="enh-lora" title="LoRA" description="Start fresh on the attention projections, or from a session's adapter (e.g. an SFT run)." testId="enhanced-lora-card">
      <Field id="enh-start_from_session_id" name="start_from_session_id" label="Start from" error={errors.start_from_session_id}
        hint={chosen ? `Continues ${chosen.name}'s adapter: its target modules, rank ${chosen.lora?.rank ?? '—'}, alpha ${chosen.lora?.alpha ?? '—'} and coverage are kept.` : 'A new attention-only LoRA on the base model.'}>
        <SelectInput id="enh-start_from_session_id" testId="enh-start-from" value={from} onValueChange={(v) => set('start_from_session_id', v === '' ? null : v)}>
          <option value="">Base model (new LoRA)</option>
          {choices.map((s) => <option key={s.id} value={s.id}>{s.name} · {s.kind.toUpperCase()} · {s.id}</option>)}
        </SelectInput>
      </Field>
      {!chosen && (
        <div className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {NUMBERS.map(([name, label, hint]) => (
            <NumberField key={name} id={`enh-${name}`} name={name} label={label} hint={hint} error={errors[name]} testId={`enh-${name}`}
              value={typeof draft[name] === 'number' ? (draft[name] as number) : null} onChange={(v) => set(name, v)} onBlur={() => touch(name)} />
          ))}
        </div>
      )}
    </Card>
  );
}
