import { useEffect, useState } from 'react';
import type { SessionDetail } from '../../app/apiTypes';
import { parseApiError } from '../../app/errors';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Field } from '../../components/Field';
import { SelectInput, Switch } from '../../components/inputs';
import { useDeleteExportMutation, useListSessionExportsQuery, useStartExportMutation } from './api';
import { ExportItem } from './ExportItem';
import { FORMAT_LABELS, type ExportFormat, type ExportRequest } from './types';

/** Sessions tab: take the adapter out as a fused MLX model, a PEFT adapter or GGUF, each verified. */
export function ExportCard({ session }: { session: SessionDetail }) {
  const [format, setFormat] = useState<ExportFormat>('mlx');
  const [checkpoint, setCheckpoint] = useState<'final' | 'best'>('final');
  const [dequantize, setDequantize] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pollFast, setPollFast] = useState(false);
  const { data: exports = [] } = useListSessionExportsQuery(session.id, { pollingInterval: pollFast ? 1000 : 0 });
  const active = exports.some((e) => e.state === 'queued' || e.state === 'running');
  useEffect(() => setPollFast(active), [active]);
  const [start, { isLoading: starting }] = useStartExportMutation();
  const [remove, { isLoading: deleting }] = useDeleteExportMutation();
  const usable = session.readiness !== 'missing_files' && session.readiness !== 'running';

  const submit = async (body: ExportRequest) => {
    setError(null);
    const res = await start({ sessionId: session.id, body });
    if ('error' in res) setError(parseApiError(res.error).message);
    else setPollFast(true);
  };

  return (
    <Card id="session-export" title="Export" description="Take this adapter out of the studio; every export is verified before it is called done." testId="session-export">
      <div className="grid gap-3 sm:grid-cols-3">
        <Field id="export-format" name="format" label="Format">
          <SelectInput id="export-format" value={format} onValueChange={(v) => setFormat(v as ExportFormat)} testId="export-format">
            {(Object.keys(FORMAT_LABELS) as ExportFormat[]).map((f) => <option key={f} value={f}>{FORMAT_LABELS[f]}</option>)}
          </SelectInput>
        </Field>
        <Field id="export-checkpoint" name="checkpoint" label="Checkpoint">
          <SelectInput id="export-checkpoint" value={checkpoint} onValueChange={(v) => setCheckpoint(v as 'final' | 'best')} testId="export-checkpoint">
            <option value="final">final (adapters.safetensors)</option>
            <option value="best" disabled={!session.has_best}>best (best_adapters.safetensors)</option>
          </SelectInput>
        </Field>
        <div className="self-end">
          {format === 'mlx' && (
            <Switch id="export-dequantize" checked={dequantize} onChange={setDequantize} testId="export-dequantize"
              label="Dequantize" hint="Quantized base only: fuse into a full-precision model so small updates are kept." />
          )}
        </div>
      </div>
      <div className="mt-3">
        <Button variant="primary" onClick={() => void submit({ format, checkpoint, ...(format === 'mlx' && dequantize ? { dequantize } : {}) })}
          loading={starting} disabled={!usable} testId="export-start">
          Export
        </Button>
      </div>
      {error && <div className="mt-3"><ErrorPanel title="Could not export" message={error} onDismiss={() => setError(null)} testId="export-error" /></div>}
      {exports.length > 0 && (
        <ul className="mt-4 space-y-3" data-testid="export-list">
          {exports.map((item) => (
            <ExportItem key={item.id} item={item} busy={starting || deleting}
              onDelete={() => void remove({ id: item.id, sessionId: session.id })}
              onDequantize={() => void submit({ format: 'mlx', checkpoint: item.request.checkpoint, dequantize: true })} />
          ))}
        </ul>
      )}
    </Card>
  );
}
