import { useState } from 'react';
import type { DataMapping, DatasetInfo, DatasetKind } from '../../app/apiTypes';
import { JSONL_FILTERS } from '../../app/electronBridge';
import { BrowseButton } from '../../components/BrowseButton';
import { Field, controlAria } from '../../components/Field';
import { SelectInput, TextInput } from '../../components/inputs';
import { fmtInt } from '../../components/format';
import { useGetDatasetsQuery } from './api';
import { DatasetValidationView } from './DatasetValidationView';

export interface DatasetPickerProps {
  idPrefix: string;
  kind: DatasetKind;
  trainPath: string;
  valPath: string | null;
  errors: Record<string, string | undefined>;
  onTrainChange: (path: string) => void;
  onValChange: (path: string | null) => void;
  onBlur: (field: 'train_data_path' | 'val_data_path') => void;
  /** With a model: the preview is rendered by its chat template and token lengths are measured. */
  modelPath?: string;
  maxSeqLength?: number;
  /** Column mapping for tabular data (null: detected); editable when onMappingChange is given. */
  mapping?: DataMapping | null;
  onMappingChange?: (m: DataMapping | null) => void;
}

const trainOf = (d: DatasetInfo) => d.splits?.train ?? d.path;

type Mode = 'known' | 'path';

function ModeSwitch({ mode, onChange, idPrefix }: { mode: Mode; onChange: (m: Mode) => void; idPrefix: string }) {
  return (
    <div role="radiogroup" aria-label="How to choose the data" className="inline-flex rounded-lg bg-slate-100 p-0.5 text-xs dark:bg-slate-800">
      {(['known', 'path'] as const).map((m) => (
        <label key={m} className={`cursor-pointer rounded-md px-2.5 py-1 font-medium has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-500 ${mode === m ? 'bg-white text-slate-900 shadow-xs dark:bg-slate-900 dark:text-slate-100' : 'text-slate-600 dark:text-slate-400'}`}>
          <input type="radio" className="sr-only" name={`${idPrefix}-data-mode`} checked={mode === m} onChange={() => onChange(m)} data-testid={`${idPrefix}-data-mode-${m}`} />
          {m === 'known' ? 'Known dataset' : 'File path'}
        </label>
      ))}
    </div>
  );
}

/** Choose a known dataset from /datasets or type paths; shows the server's validation and a preview. */
export function DatasetPicker({ idPrefix, kind, trainPath, valPath, errors, onTrainChange, onValChange, onBlur, modelPath, maxSeqLength, mapping = null, onMappingChange }: DatasetPickerProps) {
  const { data: all = [], isLoading } = useGetDatasetsQuery();
  const datasets = all.filter((d) => d.kind === kind);
  const selected = datasets.find((d) => trainOf(d) === trainPath);
  const [chosenMode, setMode] = useState<Mode | null>(null);
  // Until the user picks, show the list when there is one (or the path matches it), else the path field.
  const mode: Mode = chosenMode ?? (selected || (!trainPath && (isLoading || datasets.length > 0)) ? 'known' : 'path');
  const trainId = `${idPrefix}-train_data_path`;
  const valId = `${idPrefix}-val_data_path`;

  const pickDataset = (path: string) => {
    const d = datasets.find((x) => trainOf(x) === path);
    onTrainChange(d ? trainOf(d) : '');
    onValChange(d?.splits?.valid ?? null);
    onMappingChange?.(d?.mapping ?? null);
  };

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex items-center gap-2">
          <ModeSwitch mode={mode} onChange={setMode} idPrefix={idPrefix} />
          {mode === 'known' && (
            <BrowseButton kind="file" filters={JSONL_FILTERS} testId={`${idPrefix}-train-browse`} onPicked={(p) => { setMode('path'); onTrainChange(p); }} />
          )}
        </div>
        {kind === 'grpo' ? <span className="text-xs text-slate-500">Rows: {'{prompt, answer, system?}'}</span> : <span className="text-xs text-slate-500">JSONL, JSON, CSV/TSV, Parquet, Arrow or a dataset folder</span>}
      </div>
      {mode === 'known' ? (
        <Field id={trainId} name="train_data_path" label="Dataset" error={errors.train_data_path}
          hint={datasets.length === 0 && !isLoading ? 'No known datasets of this kind yet — switch to "File path".' : selected ? `${selected.format ?? 'jsonl'} · ${fmtInt(selected.rows)} rows${selected.splits.valid ? ' · has a validation split' : ''}` : undefined}>
          <SelectInput id={trainId} testId={`${idPrefix}-dataset-select`} value={selected ? trainOf(selected) : ''} onValueChange={pickDataset} onBlur={() => onBlur('train_data_path')} {...controlAria(trainId, errors.train_data_path)}>
            <option value="">{isLoading ? 'Loading datasets…' : 'Choose a dataset…'}</option>
            {datasets.map((d) => (
              <option key={d.path} value={trainOf(d)}>{d.name}{d.rows ? ` (${fmtInt(d.rows)} rows)` : ''}</option>
            ))}
          </SelectInput>
        </Field>
      ) : (
        <Field id={trainId} name="train_data_path" label="Training data (file or folder)" error={errors.train_data_path}>
          <div className="flex gap-2">
            <TextInput id={trainId} testId={`${idPrefix}-train-path`} className="min-w-0 flex-1" value={trainPath} placeholder="/path/to/train.jsonl, data.csv, a folder…" onValueChange={onTrainChange} onBlur={() => onBlur('train_data_path')} {...controlAria(trainId, errors.train_data_path)} />
            <BrowseButton kind="file" filters={JSONL_FILTERS} onPicked={onTrainChange} testId={`${idPrefix}-train-browse`} />
            <BrowseButton kind="directory" label="Folder…" onPicked={onTrainChange} testId={`${idPrefix}-train-browse-folder`} />
          </div>
        </Field>
      )}
      <DatasetValidationView path={trainPath} kind={kind} label="Training data" testId={`${idPrefix}-train-validation`}
        modelPath={modelPath} maxSeqLength={maxSeqLength} mapping={mapping} onMappingChange={onMappingChange} />
      <Field id={valId} name="val_data_path" label="Validation data" optional error={errors.val_data_path}
        hint="Leave empty to use the dataset's own validation split (valid.jsonl, a validation split) or hold out 10% of the training rows (seeded).">
        <div className="flex gap-2">
          <TextInput id={valId} testId={`${idPrefix}-val-path`} className="min-w-0 flex-1" value={valPath ?? ''} placeholder="/path/to/valid.jsonl" onValueChange={(v) => onValChange(v === '' ? null : v)} onBlur={() => onBlur('val_data_path')} {...controlAria(valId, errors.val_data_path)} />
          <BrowseButton kind="file" filters={JSONL_FILTERS} onPicked={onValChange} testId={`${idPrefix}-val-browse`} />
        </div>
      </Field>
      {valPath && <DatasetValidationView path={valPath} kind={kind} label="Validation data" testId={`${idPrefix}-val-validation`} mapping={mapping} />}
    </div>
  );
}
