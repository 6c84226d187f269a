import type { DataMapping, DatasetKind } from '../../app/apiTypes';

const FIELDS: Record<DatasetKind, { name: string; required: boolean }[]> = {
  sft: [{ name: 'prompt', required: true }, { name: 'completion', required: true }, { name: 'system', required: false }],
  grpo: [{ name: 'prompt', required: true }, { name: 'answer', required: true }, { name: 'system', required: false }],
};

/** Which columns of a table are the prompt, the completion (or answer) and the optional system message. */
export function MappingEditor({ kind, columns, mapping, explicit, onChange, testId }: {
  kind: DatasetKind; columns: string[]; mapping: DataMapping | null; explicit: boolean;
  onChange: (m: DataMapping | null) => void; testId: string;
}) {
  const set = (field: string, column: string) => {
    const next = { ...(mapping ?? {}) };
    if (column) next[field] = column; else delete next[field];
    onChange(Object.keys(next).length ? next : null);
  };
  return (
    <fieldset className="flex flex-wrap items-end gap-2 text-xs" data-testid={testId}>
      <legend className="mb-1 text-slate-600 dark:text-slate-300">Column mapping</legend>
      {FIELDS[kind].map(({ name, required }) => (
        <label key={name} className="flex flex-col gap-0.5">
          <span className="text-slate-500 dark:text-slate-400">{name}{required ? '' : ' (optional)'}</span>
          <select className="input py-1 text-xs" value={mapping?.[name] ?? ''} data-testid={`${testId}-${name}`}
            onChange={(e) => set(name, e.target.value)}>
            <option value="">{required ? 'Choose a column…' : 'none'}</option>
            {columns.map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
        </label>
      ))}
      {explicit && (
        <button type="button" className="text-brand-600 underline-offset-2 hover:underline dark:text-brand-400"
          onClick={() => onChange(null)} data-testid={`${testId}-auto`}>Detect automatically</button>
      )}
    </fieldset>
  );
}
