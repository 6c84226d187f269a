import { useEffect, useRef, useState } from 'react';
import { Card } from '../../components/Card';
import { Switch } from '../../components/inputs';

/** Tail of the run log (GET /training/logs, then `training_log` events); follows the end unless paused. */
export function LogViewer({ lines }: { lines: string[] }) {
  const box = useRef<HTMLPreElement>(null);
  const [follow, setFollow] = useState(true);
  useEffect(() => {
    if (follow && box.current) box.current.scrollTop = box.current.scrollHeight;
  }, [lines, follow]);
  return (
    <Card id="logs" title="Log" testId="log-card" actions={<Switch id="log-follow" checked={follow} onChange={setFollow} label="Follow" testId="log-follow" />}>
      <pre
        ref={box}
        tabIndex={0}
        aria-label="Training log"
        data-testid="log-viewer"
        data-lines={lines.length}
        className="h-72 overflow-auto rounded-lg bg-slate-950 p-3 font-mono text-[11px] leading-relaxed text-slate-200 dark:bg-black/60"
      >
        {lines.length ? lines.join('\n') : <span className="text-slate-500">No log lines yet.</span>}
      </pre>
    </Card>
  );
}
