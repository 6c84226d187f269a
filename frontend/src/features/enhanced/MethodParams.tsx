import type { ConfigValue, MethodParameter } from '../../app/apiTypes';
import { TextField } from '../../components/ConfigFields';
import { controlAria, Field } from '../../components/Field';
import { NumberInput, SelectInput, Switch } from '../../components/inputs';
import { displayValue } from '../training/runConfig';
import { OWN_FIELDS, type EnhancedDraft } from './enhancedConfig';
import { boundsText, paramKind } from './methodParams';

interface Props {
  params: MethodParameter[];
  draft: EnhancedDraft;
  errors: Record<string, string>;
  set: (field: string, value: ConfigValue) => void;
  touch: (field: string) => void;
}

const label = (name: string) => name.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());

function ParamField({ p, draft, errors, set, touch }: Omit<Props, 'params'> & { p: MethodParameter }) {
  const id = `enh-${p.name}`;
  const value = draft[p.name];
  const error = errors[p.name];
  const kind = paramKind(p);
  const bounds = boundsText(p);
  const hint = [p.description, bounds ? `Range ${bounds}.` : '', p.default === null ? 'Leave empty for the default.' : ''].filter(Boolean).join(' ') || undefined;

  if (kind === 'choice') {
    return (
      <Field id={id} name={p.name} label={label(p.name)} hint={p.description} error={error}>
        <SelectInput id={id} testId={`field-${p.name}`} value={value === null || value === undefined ? '' : String(value)}
          onValueChange={(v) => set(p.name, v === '' ? null : (p.choices!.find((c) => String(c) === v) ?? v))}
          onBlur={() => touch(p.name)} {...controlAria(id, error)}>
          {p.default === null && <option value="">(default)</option>}
          {p.choices!.map((c) => <option key={String(c)} value={String(c)}>{String(c)}</option>)}
        </SelectInput>
      </Field>
    );
  }
  if (kind === 'boolean') {
    return <Switch id={id} testId={`field-${p.name}`} checked={!!value} onChange={(v) => set(p.name, v)} label={label(p.name)} hint={p.description} />;
  }
  if (kind === 'integer' || kind === 'number') {
    return (
      <Field id={id} name={p.name} label={label(p.name)} hint={hint} error={error}>
        <NumberInput id={id} name={p.name} testId={`field-${p.name}`} value={typeof value === 'number' ? value : null}
          onValueChange={(v, text) => set(p.name, text.trim() === '' && p.default === null ? null : v)}
          onBlur={() => touch(p.name)} placeholder={p.default === null ? 'default' : undefined} {...controlAria(id, error, hint)} />
      </Field>
    );
  }
  return <TextField id={id} name={p.name} label={label(p.name)} hint={p.description} error={error} value={value === null || value === undefined ? '' : String(value)} onChange={(v) => set(p.name, v === '' ? null : v)} onBlur={() => touch(p.name)} />;
}

/** The selected method's own parameters (from GET /training/methods); fixed ones are shown read-only. */
export function MethodParams({ params, ...rest }: Props) {
  const editable = params.filter((p) => !p.fixed && !OWN_FIELDS.has(p.name) && paramKind(p) !== 'list');
  const fixed = params.filter((p) => p.fixed);
  return (
    <div className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {editable.map((p) => <ParamField key={p.name} p={p} {...rest} />)}
      </div>
      {fixed.length > 0 && (
        <dl className="flex flex-wrap gap-2 text-xs" data-testid="method-fixed-params">
          {fixed.map((p) => (
            <div key={p.name} className="flex items-center gap-1.5 rounded-md bg-slate-100 px-2 py-1 dark:bg-slate-800" title="Set by this method">
              <dt className="text-slate-500 dark:text-slate-400">{p.name}</dt>
              <dd className="font-mono font-medium">{displayValue(rest.draft[p.name] ?? p.default)}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}
