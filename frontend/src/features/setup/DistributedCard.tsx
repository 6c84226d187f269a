import { useState } from 'react';
import type { DistributedCheckResult, DistributedSettings } from '../../app/apiTypes';
import { parseApiError } from '../../app/errors';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { Field } from '../../components/Field';
import { NumberInput, SelectInput, Switch, TextInput } from '../../components/inputs';
import { useCheckDistributedMutation } from './api';
import { effectiveBatch, parseHosts, worldSize } from './distributed';
import { useSetupField } from './useSetupForm';
import type { FieldErrors } from '../runForm/validation';

function CheckResult({ result }: { result: DistributedCheckResult }) {
  return (
    <div data-testid="distributed-check-result" data-ok={result.ok} className="space-y-2 rounded-lg border border-slate-200 p-3 text-xs dark:border-slate-800">
      <p className="font-medium">
        {result.ok ? 'Every rank answered the all-reduce' : result.timed_out ? 'Timed out' : 'Some ranks could not be reached'}
        <span className="ml-2 font-normal text-slate-500">{result.world_size} process(es), {result.seconds.toFixed(1)} s</span>
      </p>
      <ul className="space-y-1">
        {result.ranks.map((r) => (
          <li key={r.rank} data-testid={`distributed-rank-${r.rank}`} className="flex flex-wrap items-center gap-2">
            <Badge tone={r.reachable ? 'success' : r.reachable === false ? 'danger' : 'neutral'}>
              rank {r.rank} · {r.reachable ? 'reachable' : r.reachable === false ? 'unreachable' : 'not tried'}
            </Badge>
            <span className="font-mono">{r.host}</span>
            {r.error && <span className="text-rose-700 dark:text-rose-300">{r.error}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Advanced: train with several processes through mlx.launch, with a pre-flight check of the hosts. */
export function DistributedCard({ errors, batchSize, modelPath }: { errors: FieldErrors; batchSize: number; modelPath: string }) {
  const field = useSetupField('distributed', errors);
  const d = field.value as DistributedSettings | undefined;
  const [hostsText, setHostsText] = useState(() => (d?.hosts ?? []).join(', '));
  const [check, { data: result, isLoading, error, reset }] = useCheckDistributedMutation();
  if (!d) return null;
  const set = (patch: Partial<DistributedSettings>) => { field.set({ ...d, ...patch }); reset(); };
  const world = worldSize(d);
  const batch = effectiveBatch(batchSize, d);
  const checkError = error ? parseApiError(error).message : null;

  return (
    <Card id="distributed" title="Advanced: distributed training" description="Split each batch across processes on this machine or several machines (mlx.launch)." testId="distributed-card">
      <details open={d.enabled} className="group">
        <summary className="cursor-pointer select-none text-xs font-medium text-slate-600 dark:text-slate-300">Distributed</summary>
        <div className="mt-4 space-y-4">
          <Switch id="setup-distributed-enabled" testId="distributed-enabled" checked={d.enabled} onChange={(v) => set({ enabled: v })}
            label="Train with several processes" hint="Off: one process on this machine." />
          {d.enabled && (
            <div className="grid gap-4 sm:grid-cols-2">
              <Field id="setup-distributed-hosts" name="distributed" label="Hosts (this machine first)" error={field.error}
                hint="IP addresses for the ring backend, e.g. 10.0.0.1, 10.0.0.2 — or 127.0.0.1 with 2 processes to try it here.">
                <TextInput id="setup-distributed-hosts" testId="distributed-hosts" value={hostsText} placeholder="127.0.0.1"
                  onValueChange={(t) => { setHostsText(t); set({ hosts: parseHosts(t) }); }} />
              </Field>
              <Field id="setup-distributed-hostfile" name="distributed_hostfile" label="…or a hostfile (mlx.launch JSON)" optional>
                <TextInput id="setup-distributed-hostfile" testId="distributed-hostfile" value={d.hostfile ?? ''} placeholder="/path/to/hosts.json"
                  onValueChange={(t) => set({ hostfile: t.trim() === '' ? null : t })} />
              </Field>
              <Field id="setup-distributed-ppn" name="processes_per_host" label="Processes per host">
                <NumberInput id="setup-distributed-ppn" testId="distributed-ppn" value={d.processes_per_host}
                  onValueChange={(n) => set({ processes_per_host: n })} />
              </Field>
              <Field id="setup-distributed-backend" name="distributed_backend" label="Backend">
                <SelectInput id="setup-distributed-backend" testId="distributed-backend" value={d.backend}
                  onValueChange={(v) => set({ backend: v as DistributedSettings['backend'] })}>
                  <option value="ring">ring (Thunderbolt / ethernet)</option>
                  <option value="mpi">mpi (needs mpirun)</option>
                </SelectInput>
              </Field>
              <Field id="setup-distributed-python" name="distributed_python" label="Python on the remote hosts" optional
                hint="Default: this server's interpreter path, which must exist on every host.">
                <TextInput id="setup-distributed-python" testId="distributed-python" value={d.python ?? ''} placeholder="/Users/me/lora-studio/.venv/bin/python"
                  onValueChange={(t) => set({ python: t.trim() === '' ? null : t })} />
              </Field>
              <div className="rounded-lg bg-brand-50 px-3 py-2 text-xs dark:bg-brand-950/40" data-testid="distributed-effective-batch">
                <p className="text-slate-600 dark:text-slate-300">Effective batch = batch size × processes</p>
                <p className="font-mono text-base font-semibold">{batch ?? '—'}{world !== null && <span className="ml-1 text-xs font-normal">({batchSize} × {world})</span>}</p>
              </div>
              <div className="space-y-2 sm:col-span-2">
                <Button size="sm" testId="distributed-check" loading={isLoading} disabled={!!field.error}
                  onClick={() => check({ ...d, enabled: true, paths: modelPath ? [modelPath] : [] })}>
                  Check hosts
                </Button>
                {checkError && <p role="alert" className="text-xs text-rose-700 dark:text-rose-300" data-testid="distributed-check-error">{checkError}</p>}
                {result && <CheckResult result={result} />}
              </div>
            </div>
          )}
        </div>
      </details>
    </Card>
  );
}
