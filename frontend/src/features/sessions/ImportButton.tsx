import { useRef } from 'react';
import { useAppDispatch } from '../../app/hooks';
import { Button } from '../../components/Button';
import { notify } from '../notifications/notificationsSlice';
import { useImportSessionsMutation } from './api';
import { readSessionFiles } from './importFiles';

/** "Import legacy sessions": several `session_*.json` files at once → one POST /sessions/import (all or nothing). */
export function ImportButton() {
  const dispatch = useAppDispatch();
  const input = useRef<HTMLInputElement>(null);
  const [importSessions, { isLoading }] = useImportSessionsMutation();

  const onFiles = async (files: FileList | null) => {
    if (!files?.length) return;
    const { sessions, errors } = await readSessionFiles(Array.from(files));
    for (const e of errors) dispatch(notify({ level: 'error', title: 'Could not read a session file', message: e }));
    if (input.current) input.current.value = '';
    if (!sessions.length) return;
    try {
      const res = await importSessions(sessions).unwrap();
      const fresh = res.sessions.filter((s) => s.status === 'imported').length;
      const existing = res.sessions.length - fresh;
      const title = `Imported ${fresh} session${fresh === 1 ? '' : 's'}${existing ? `, ${existing} already imported` : ''}`;
      dispatch(notify({ level: 'success', title, message: res.warnings.join('\n') }));
    } catch {
      /* notified by the listener */
    }
  };

  return (
    <>
      <input ref={input} id="import-sessions" type="file" accept=".json,application/json" multiple className="sr-only" data-testid="import-input"
        onChange={(e) => void onFiles(e.target.files)} aria-label="Import legacy session files" tabIndex={-1} />
      <Button size="sm" onClick={() => input.current?.click()} loading={isLoading} testId="import-button">Import legacy sessions</Button>
    </>
  );
}
