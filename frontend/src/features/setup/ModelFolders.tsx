import { useState } from 'react';
import { BrowseButton } from '../../components/BrowseButton';
import { Button } from '../../components/Button';
import { TextInput } from '../../components/inputs';
import { useAddModelFolderMutation, useGetModelFoldersQuery, useRemoveModelFolderMutation } from './api';

const SOURCE_LABELS = { added: 'added here', configured: '--models', demo: 'demo', hf_cache: 'Hugging Face cache' } as const;

/** The folders the catalog scans; one more can be added (kept in the data root, no restart needed). */
export function ModelFolders() {
  const { data } = useGetModelFoldersQuery();
  const [addFolder, { isLoading: adding }] = useAddModelFolderMutation();
  const [removeFolder] = useRemoveModelFolderMutation();
  const [path, setPath] = useState('');
  const add = async (value: string) => {
    if (!value.trim()) return;
    try {
      await addFolder(value.trim()).unwrap();
      setPath('');
    } catch {
      /* the server's reason is a notification */
    }
  };
  return (
    <details className="mt-3 text-xs text-slate-600 dark:text-slate-300" data-testid="model-folders">
      <summary className="cursor-pointer select-none">Model folders</summary>
      <ul className="mt-2 space-y-1">
        {(data?.folders ?? []).map((f) => (
          <li key={`${f.source}:${f.path}`} className="flex items-center gap-2" data-testid="model-folder">
            <span className="min-w-0 flex-1 truncate font-mono" title={f.path}>{f.path}</span>
            <span className="text-slate-400">{SOURCE_LABELS[f.source]}{f.exists ? '' : ' · missing'}</span>
            {f.removable && (
              <Button size="sm" variant="ghost" onClick={() => void removeFolder(f.path)} testId="model-folder-remove">Remove</Button>
            )}
          </li>
        ))}
      </ul>
      <form className="mt-2 flex gap-2" onSubmit={(e) => { e.preventDefault(); void add(path); }}>
        <TextInput value={path} onValueChange={setPath} placeholder="/path/to/models" aria-label="Model folder to add"
          className="min-w-0 flex-1" testId="model-folder-input" />
        <BrowseButton kind="directory" testId="model-folder-browse" onPicked={(picked) => void add(picked)} />
        <Button size="sm" type="submit" loading={adding} testId="model-folder-add">Add folder</Button>
      </form>
    </details>
  );
}
