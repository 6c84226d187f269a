import { useState } from 'react';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { useListExportsQuery } from '../../export/api';
import { useGetSessionQuery, useListSessionsQuery } from '../../sessions/api';
import { diffConfigs } from './configDiff';
import { MultiEvaluation } from './MultiEvaluation';
import { useMultiGenerate } from './useMultiGenerate';

const MAX_ADAPTERS = 3;
const USABLE = new Set(['ready', 'best_available', 'legacy']);

function ConfigDiff({ ids, names }: { ids: string[]; names: Record<string, string> }) {
  const a = useGetSessionQuery(ids[0] ?? '', { skip: !ids[0] });
  const b = useGetSessionQuery(ids[1] ?? '', { skip: !ids[1] });
  const c = useGetSessionQuery(ids[2] ?? '', { skip: !ids[2] });
  if (ids.length < 2) return null;
  const { rows, onlySome } = diffConfigs([a, b, c].slice(0, ids.length).map((q) => q.data?.config));
  return (
    <div data-testid="multi-config-diff">
      <h4 className="mb-1 text-sm font-semibold">Config differences</h4>
      {rows.length === 0 ? <p className="text-xs text-slate-500">The compared sessions share every setting.</p> : (
        <table className="w-full table-fixed text-left text-xs">
          <thead className="text-slate-500"><tr><th className="py-1">Field</th>{ids.map((id) => <th key={id} className="truncate py-1">{names[id]}</th>)}</tr></thead>
          <tbody>{rows.map((r) => (
            <tr key={r.key} className="border-t border-slate-200 dark:border-slate-800" data-testid={`multi-diff-${r.key}`}>
              <td className="py-1 font-mono">{r.key}</td>{r.values.map((v, i) => <td key={i} className="truncate py-1 font-mono" title={v}>{v}</td>)}
            </tr>
          ))}</tbody>
        </table>
      )}
      {onlySome.length > 0 && <p className="mt-1 text-xs text-slate-500" data-testid="multi-diff-only-some">Recorded by only some sessions: {onlySome.join(', ')}</p>}
    </div>
  );
}

/** Compare up to three adapters of one base: the same prompt streamed to all, one evaluation, a config diff. */
export function MultiCompareCard() {
  const { data: sessions = [] } = useListSessionsQuery();
  const { data: exports = [] } = useListExportsQuery(undefined, { refetchOnMountOrArgChange: true });
  const [chosen, setChosen] = useState<string[]>([]);
  const [chosenExports, setChosenExports] = useState<string[]>([]);
  const [prompt, setPrompt] = useState('');
  const { columns, run, generating } = useMultiGenerate();
  const usable = sessions.filter((s) => USABLE.has(s.readiness));
  const base = usable.find((s) => s.id === chosen[0])?.model_path ?? null;
  const fused = exports.filter((e) => e.format === 'mlx' && e.state === 'completed');
  const names: Record<string, string> = Object.fromEntries([...sessions.map((s) => [s.id, s.name]), ...fused.map((e) => [e.path, `${e.name} (fused)`])]);
  const full = chosen.length + chosenExports.length >= MAX_ADAPTERS;
  const toggle = (id: string) => setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : full ? c : [...c, id]));
  const toggleExport = (path: string) => setChosenExports((c) => (c.includes(path) ? c.filter((x) => x !== path) : full ? c : [...c, path]));

  return (
    <Card id="multi-compare" title="Compare several adapters" description="Up to three sessions on the same base model (or fused models exported from them), beside the base." testId="multi-compare">
      <ul className="grid gap-1 sm:grid-cols-2" data-testid="multi-session-list">
        {usable.map((s) => {
          const on = chosen.includes(s.id);
          const blocked = !on && (full || (base !== null && s.model_path !== base));
          return (
            <li key={s.id}>
              <label className={`flex items-center gap-2 text-sm ${blocked ? 'opacity-50' : ''}`} title={blocked && base !== null && s.model_path !== base ? 'Another base model' : undefined}>
                <input type="checkbox" checked={on} disabled={blocked} onChange={() => toggle(s.id)} data-testid={`multi-pick-${s.id}`} />
                <span className="truncate">{s.name}</span><span className="truncate text-xs text-slate-500">{s.model_name}</span>
              </label>
            </li>
          );
        })}
        {fused.map((e) => (
          <li key={e.id}>
            <label className={`flex items-center gap-2 text-sm ${full && !chosenExports.includes(e.path) ? 'opacity-50' : ''}`}>
              <input type="checkbox" checked={chosenExports.includes(e.path)} disabled={full && !chosenExports.includes(e.path)} onChange={() => toggleExport(e.path)} data-testid={`multi-pick-export-${e.name}`} />
              <span className="truncate">{e.name}</span><span className="text-xs text-slate-500">exported fused model</span>
            </label>
          </li>
        ))}
      </ul>
      <div className="mt-3 flex gap-2">
        <input className="input flex-1" value={prompt} onChange={(e) => setPrompt(e.target.value)} placeholder="One prompt for every model" data-testid="multi-prompt" />
        <Button variant="primary" onClick={() => void run(prompt, chosen, chosenExports, 64)} disabled={!prompt.trim() || chosen.length === 0 || generating} loading={generating} testId="multi-generate">Generate</Button>
      </div>
      {columns.length > 0 && (
        <div className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-4" data-testid="multi-answers">
          {columns.map((c) => (
            <section key={c.key} className="rounded-xl border border-slate-200 p-3 dark:border-slate-800" data-testid={`multi-answer-${c.key === 'base' ? 'base' : chosen.includes(c.key) ? chosen.indexOf(c.key) : `export-${chosenExports.indexOf(c.key)}`}`} data-status={c.status}>
              <h4 className="truncate text-sm font-semibold">{c.key === 'base' ? 'Base model' : names[c.key]}</h4>
              {c.error ? <p role="alert" className="text-xs text-rose-700">{c.error}</p>
                : <p className="mt-1 whitespace-pre-wrap break-words text-sm" data-testid="multi-answer-text">{c.text}</p>}
            </section>
          ))}
        </div>
      )}
      {chosen.length > 0 && <div className="mt-4 space-y-4"><MultiEvaluation sessionIds={chosen} names={names} /><ConfigDiff ids={chosen} names={names} /></div>}
    </Card>
  );
}
