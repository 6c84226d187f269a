import type { ReactNode } from 'react';
import { controlAria, Field } from './Field';
import { NumberInput, TextInput } from './inputs';

interface BaseProps {
  id: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  onBlur?: () => void;
  testId?: string;
  className?: string;
  optional?: boolean;
}

export function NumberField({ value, onChange, step, ...p }: BaseProps & { value: number | null; onChange: (v: number) => void; step?: string }) {
  return (
    <Field id={p.id} name={p.name} label={p.label} hint={p.hint} error={p.error} className={p.className} optional={p.optional}>
      <NumberInput id={p.id} name={p.name} value={value} onValueChange={onChange} onBlur={p.onBlur} testId={p.testId ?? `field-${p.name}`} step={step} {...controlAria(p.id, p.error, p.hint)} />
    </Field>
  );
}

export function TextField({ value, onChange, placeholder, ...p }: BaseProps & { value: string; onChange: (v: string) => void; placeholder?: string }) {
  return (
    <Field id={p.id} name={p.name} label={p.label} hint={p.hint} error={p.error} className={p.className} optional={p.optional}>
      <TextInput id={p.id} name={p.name} value={value} onValueChange={onChange} onBlur={p.onBlur} placeholder={placeholder} testId={p.testId ?? `field-${p.name}`} {...controlAria(p.id, p.error, p.hint)} />
    </Field>
  );
}
