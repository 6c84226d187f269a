/** The config fields that differ between compared sessions (only those: the rest is shared). */
export interface ConfigDiffRow {
  key: string;
  values: string[];
}

const show = (v: unknown): string => (v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

export function diffConfigs(configs: (Record<string, unknown> | null | undefined)[]): ConfigDiffRow[] {
  const keys = new Set<string>();
  for (const c of configs) for (const k of Object.keys(c ?? {})) keys.add(k);
  const rows: ConfigDiffRow[] = [];
  for (const key of [...keys].sort()) {
    const values = configs.map((c) => show(c?.[key]));
    if (new Set(values).size > 1) rows.push({ key, values });
  }
  return rows;
}
