import { describe, expect, it } from 'vitest';
import type { DistributedSettings } from '../../app/apiTypes';
import { effectiveBatch, parseHosts, validateDistributed, worldSize } from './distributed';

const base: DistributedSettings = {
  enabled: true, hosts: ['10.0.0.1', '10.0.0.2'], hostfile: null, processes_per_host: 1,
  backend: 'ring', python: null, starting_port: null,
};

describe('distributed section', () => {
  it('parses hosts separated by commas, spaces or lines', () => {
    expect(parseHosts(' 10.0.0.1, 10.0.0.2\n10.0.0.3 ')).toEqual(['10.0.0.1', '10.0.0.2', '10.0.0.3']);
    expect(parseHosts('')).toEqual([]);
  });

  it('derives the world size and the effective batch', () => {
    expect(worldSize({ ...base, processes_per_host: 2 })).toBe(4);
    expect(effectiveBatch(3, { ...base, processes_per_host: 2 })).toBe(12);
    expect(worldSize({ ...base, enabled: false })).toBe(1);
    expect(effectiveBatch(3, { ...base, enabled: false })).toBe(3);
    expect(worldSize({ ...base, hostfile: '/h.json' })).toBeNull();
  });

  it('validates what the browser can know', () => {
    expect(validateDistributed(base)).toBeNull();
    expect(validateDistributed({ ...base, enabled: false, hosts: [] })).toBeNull();
    expect(validateDistributed({ ...base, hosts: [] })).toMatch(/hosts/);
    expect(validateDistributed({ ...base, hosts: ['127.0.0.1'] })).toMatch(/One process/);
    expect(validateDistributed({ ...base, hosts: ['127.0.0.1'], processes_per_host: 2 })).toBeNull();
    expect(validateDistributed({ ...base, processes_per_host: 0 })).toMatch(/whole number/);
    expect(validateDistributed({ ...base, hosts: [], hostfile: '/h.json' })).toBeNull();
  });
});
