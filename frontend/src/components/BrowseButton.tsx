import { useState } from 'react';
import { getBridge, type FileFilter } from '../app/electronBridge';
import { Button } from './Button';

export interface BrowseButtonProps {
  kind: 'file' | 'directory';
  onPicked: (path: string) => void;
  filters?: FileFilter[];
  testId?: string;
  label?: string;
}

/**
 * "Browse…" with the desktop shell's native dialog. Renders nothing in a plain browser: a web page
 * cannot learn a file's path on the server's disk, so there the path is typed or picked from the list.
 */
export function BrowseButton({ kind, onPicked, filters, testId, label = 'Browse…' }: BrowseButtonProps) {
  const [busy, setBusy] = useState(false);
  const bridge = getBridge();
  if (!bridge) return null;
  const pick = async () => {
    setBusy(true);
    try {
      const path = kind === 'file' ? await bridge.openFile(filters) : await bridge.selectDirectory();
      if (path) onPicked(path);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size="sm" onClick={() => void pick()} loading={busy} testId={testId} aria-label={kind === 'file' ? 'Browse for a file' : 'Browse for a folder'}>
      {label}
    </Button>
  );
}
