import { useEffect, useState, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';

type Base = { testId?: string };

/** Parses number input text; empty or malformed text becomes NaN (validation reports it). */
export function parseNumber(text: string): number {
  const t = text.trim();
  return t === '' ? Number.NaN : Number(t);
}

export interface NumberInputProps extends Base, Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'> {
  value: number | null;
  /** The parsed number (NaN when empty or malformed) and the raw text. */
  onValueChange: (value: number, text: string) => void;
}

/** A number field that keeps the user's text while typing (e.g. "1e-") and reports numbers. */
export function NumberInput({ value, onValueChange, testId, className = '', ...rest }: NumberInputProps) {
  const [text, setText] = useState(() => (value === null || Number.isNaN(value) ? '' : String(value)));
  useEffect(() => {
    const shown = parseNumber(text);
    if (!Object.is(shown, value ?? Number.NaN)) setText(value === null || Number.isNaN(value) ? '' : String(value));
  }, [value]); // only external changes re-sync the text
  return (
    <input
      type="text"
      inputMode="decimal"
      autoComplete="off"
      spellCheck={false}
      data-testid={testId}
      className={`input font-mono tabular-nums ${className}`}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onValueChange(parseNumber(e.target.value), e.target.value);
      }}
      {...rest}
    />
  );
}

export interface TextInputProps extends Base, Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange'> {
  onValueChange: (value: string) => void;
}

export function TextInput({ onValueChange, testId, className = '', ...rest }: TextInputProps) {
  return (
    <input
      type="text"
      data-testid={testId}
      spellCheck={false}
      className={`input ${className}`}
      onChange={(e) => onValueChange(e.target.value)}
      {...rest}
    />
  );
}

export interface SelectInputProps extends Base, Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange'> {
  onValueChange: (value: string) => void;
  children: ReactNode;
}

export function SelectInput({ onValueChange, testId, className = '', children, ...rest }: SelectInputProps) {
  return (
    <select data-testid={testId} className={`input pr-8 ${className}`} onChange={(e) => onValueChange(e.target.value)} {...rest}>
      {children}
    </select>
  );
}

export interface SwitchProps extends Base {
  id: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  label: ReactNode;
  hint?: ReactNode;
  disabled?: boolean;
}

/** A labelled toggle (a real checkbox, so keyboard and screen readers work). */
export function Switch({ id, checked, onChange, label, hint, testId, disabled }: SwitchProps) {
  return (
    <div className="flex items-start gap-3">
      <span className="relative mt-0.5 inline-flex shrink-0">
        <input
          id={id}
          type="checkbox"
          role="switch"
          data-testid={testId}
          checked={checked}
          disabled={disabled}
          onChange={(e) => onChange(e.target.checked)}
          aria-describedby={hint ? `${id}-hint` : undefined}
          className="peer h-5 w-9 cursor-pointer appearance-none rounded-full bg-slate-300 transition-colors checked:bg-brand-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 disabled:cursor-not-allowed disabled:opacity-50 dark:bg-slate-700 dark:checked:bg-brand-500"
        />
        <span aria-hidden className="pointer-events-none absolute left-0.5 top-0.5 size-4 rounded-full bg-white shadow transition-transform peer-checked:translate-x-4" />
      </span>
      <span className="min-w-0">
        <label htmlFor={id} className="cursor-pointer text-sm font-medium text-slate-800 dark:text-slate-200">
          {label}
        </label>
        {hint && (
          <span id={`${id}-hint`} className="block text-xs text-slate-500 dark:text-slate-400">
            {hint}
          </span>
        )}
      </span>
    </div>
  );
}
