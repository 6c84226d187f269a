import type { Verification } from './types';

function Verdict({ ok, children, testId }: { ok: boolean; children: React.ReactNode; testId: string }) {
  const tone = ok
    ? 'bg-emerald-50 text-emerald-800 ring-emerald-200 dark:bg-emerald-950/40 dark:text-emerald-200 dark:ring-emerald-900'
    : 'bg-rose-50 text-rose-800 ring-rose-200 dark:bg-rose-950/40 dark:text-rose-200 dark:ring-rose-900';
  return <p data-testid={testId} data-ok={ok} className={`rounded-lg px-3 py-2 text-sm font-medium ring-1 ${tone}`}>{ok ? '✓ ' : '✗ '}{children}</p>;
}

/** The verification of one export: answers compared, ΔW difference, or the GGUF read back. */
export function VerificationView({ v }: { v: Verification }) {
  const otherLabel = v.divergent?.some((d) => d.round_trip !== undefined) ? 'PEFT round trip' : 'Fused model';
  return (
    <div className="space-y-2" data-testid="export-verification">
      {v.prompts !== undefined && (
        <Verdict ok={v.identical === v.prompts} testId="export-verdict">
          {v.identical}/{v.prompts} answers identical
        </Verdict>
      )}
      {v.max_abs_diff !== undefined && (
        <Verdict ok={v.max_abs_diff <= 1e-5} testId="export-delta">
          ΔW from the PEFT files equals the adapter's update on {v.modules} modules (max abs difference {v.max_abs_diff.toExponential(2)})
        </Verdict>
      )}
      {v.tensors !== undefined && (
        <Verdict ok={v.ok} testId="export-gguf-check">
          Read back with gguf: {v.tensors}/{v.expected_tensors} tensors, shapes {v.shapes_match ? 'match' : 'differ'}
          {v.empty_tensors?.length ? `, ${v.empty_tensors.length} empty` : ''}
        </Verdict>
      )}
      {v.update_error && v.update_error.mean_relative_error !== null && (
        <p className="text-xs text-slate-600 dark:text-slate-300" data-testid="export-update-error">
          Quantized base: the fused weights differ from base + LoRA update by {(100 * v.update_error.mean_relative_error).toFixed(1)}% of
          the update (mean relative error over {v.update_error.modules} modules; 0% = kept exactly)
        </p>
      )}
      {v.note && <p className="rounded-lg bg-amber-50 px-3 py-2 text-xs text-amber-900 dark:bg-amber-950/40 dark:text-amber-100" data-testid="export-note">{v.note}</p>}
      {!!v.divergent?.length && (
        <table className="w-full table-fixed text-left text-xs" data-testid="export-divergent">
          <thead className="text-slate-500">
            <tr><th className="w-1/4 py-1">Prompt</th><th className="py-1">Adapter on base</th><th className="py-1">{otherLabel}</th></tr>
          </thead>
          <tbody>
            {v.divergent.map((d, i) => (
              <tr key={i} className="border-t border-slate-200 align-top dark:border-slate-800">
                <td className="break-words py-1 pr-2">{d.prompt}</td>
                <td className="whitespace-pre-wrap break-words py-1 pr-2 font-mono">{d.adapter}</td>
                <td className="whitespace-pre-wrap break-words py-1 font-mono text-rose-700 dark:text-rose-300">{d.fused ?? d.round_trip}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
