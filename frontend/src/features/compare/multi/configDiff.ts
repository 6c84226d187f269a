/** The config fields that differ between compared sessions (only those: the rest is shared). */
export interface ConfigDiffRow {
  key: string;
  values: string[];
}

export interface ConfigDiff {
  rows: ConfigDiffRow[];
  /** Fields only some of the sessions record (e.g. an imported adapter has no training settings). */
  onlySome: string[];
}

const show = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

export function diffConfigs(configs: (Record<string, unknown> | null | undefined)[]): ConfigDiff {
  const keys = new Set<string>();
  for (const c of configs) for (const k of Object.keys(c ?? {})) keys.add(k);
  const rows: ConfigDiffRow[] = [];
  const onlySome: string[] = [];
  for (const key of [...keys].sort()) {
    if (!configs.every((c) => c && key in c)) {
      onlySome.push(key);
      continue;
    }
    const values = configs.map((c) => show(c?.[key]));
    if (new Set(values).size > 1) rows.push({ key, values });
  }
  return { rows, onlySome };
}
