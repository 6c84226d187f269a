/** Pure helpers that merge fetched history with live events (both may hold the same points). */

export interface Stepped {
  step: number;
}

/** Inserts or replaces a point, keeping the list sorted by step. */
export function upsertByStep<T extends Stepped>(list: T[], point: T): void {
  const last = list[list.length - 1];
  if (!last || last.step < point.step) {
    list.push(point);
    return;
  }
  const idx = list.findIndex((p) => p.step >= point.step);
  if (idx >= 0 && list[idx]!.step === point.step) list[idx] = { ...list[idx]!, ...point };
  else if (idx >= 0) list.splice(idx, 0, point);
  else list.push(point);
}

/** Union by step; points already in `current` (live) win over fetched ones. */
export function mergeByStep<T extends Stepped>(current: T[], fetched: T[]): T[] {
  const map = new Map<number, T>();
  for (const p of fetched) if (typeof p?.step === 'number') map.set(p.step, p);
  for (const p of current) map.set(p.step, { ...(map.get(p.step) ?? {}), ...p });
  return [...map.values()].sort((a, b) => a.step - b.step);
}

/**
 * Combines a fetched log tail with lines that arrived live: the live list may overlap the end of
 * the tail (lines seen both ways) — those are kept once.
 */
export function mergeLogLines(fetched: string[], live: string[], cap = 2000): string[] {
  let out: string[];
  if (live.length === 0) out = fetched.slice();
  else {
    let overlap = 0;
    for (let k = Math.min(fetched.length, live.length); k > 0; k--) {
      let same = true;
      for (let i = 0; i < k; i++) {
        if (fetched[fetched.length - k + i] !== live[i]) {
          same = false;
          break;
        }
      }
      if (same) {
        overlap = k;
        break;
      }
    }
    out = fetched.concat(live.slice(overlap));
  }
  return out.length > cap ? out.slice(out.length - cap) : out;
}

/** Short human duration: 75 → "1m 15s". */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '—';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  if (h > 0) return `${h}h ${m}m`;
  if (m > 0) return `${m}m ${r}s`;
  return `${r}s`;
}
