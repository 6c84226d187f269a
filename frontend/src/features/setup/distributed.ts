import type { DistributedSettings } from '../../app/apiTypes';

/** Hosts as typed by a person: commas, spaces or new lines between them. */
export function parseHosts(text: string): string[] {
  return text.split(/[\s,]+/).map((h) => h.trim()).filter(Boolean);
}

/** Processes in the run; null when they come from a hostfile the browser cannot read. */
export function worldSize(d: DistributedSettings | undefined): number | null {
  if (!d || !d.enabled) return 1;
  if (d.hostfile) return null;
  return d.hosts.length * Math.max(1, d.processes_per_host || 1);
}

/** The global batch mlx-lm trains on: per-process batch × processes. */
export function effectiveBatch(batchSize: number, d: DistributedSettings | undefined): number | null {
  const world = worldSize(d);
  return world === null || !Number.isFinite(batchSize) ? null : batchSize * world;
}

/** A message for the section, or null; the server checks the rest (reachability, ports, files). */
export function validateDistributed(d: DistributedSettings | undefined): string | null {
  if (!d || !d.enabled) return null;
  if (!d.hostfile && d.hosts.length === 0) return 'List the hosts (this machine first) or give a hostfile.';
  if (!Number.isInteger(d.processes_per_host) || d.processes_per_host < 1) return 'Processes per host must be a whole number ≥ 1.';
  const world = worldSize(d);
  if (world !== null && world < 2) return 'One process is not distributed: add hosts or processes, or turn this off.';
  return null;
}
