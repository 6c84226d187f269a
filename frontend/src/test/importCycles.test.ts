/// <reference types="node" />
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { featureGraph, findCycles, importGraph } from './importGraph';

/** An endpoint module must stay a leaf: it may import app/ and its own feature's types, never another feature. */
function endpointModulesImportingFeatures(graph: Map<string, string[]>): string[] {
  const out: string[] = [];
  for (const [mod, deps] of graph) {
    const m = /^features\/([^/]+)\/api\.ts$/.exec(mod);
    if (!m) continue;
    for (const d of deps) if (d.startsWith('features/') && !d.startsWith(`features/${m[1]}/`)) out.push(`${mod} -> ${d}`);
  }
  return out;
}

const SRC = resolve(import.meta.dirname, '..');

describe('import graph', () => {
  const graph = importGraph(SRC);

  it('reads the sources (the check is not vacuous)', () => {
    expect(graph.size).toBeGreaterThan(50);
    expect(graph.get('features/setup/SetupPage.tsx')).toContain('features/setup/ModelCard.tsx');
  });

  it('finds a cycle when there is one', () => {
    expect(findCycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']]]))).toEqual([['a', 'b', 'c', 'a']]);
  });

  it('has no module import cycles (at run time)', () => {
    expect(findCycles(importGraph(SRC, { runtime: true }))).toEqual([]);
  });

  it('keeps feature endpoint modules (features/*/api.ts) free of other features', () => {
    expect(endpointModulesImportingFeatures(graph)).toEqual([]);
  });

  it('has no import cycles between features', () => {
    expect(findCycles(featureGraph(graph))).toEqual([]);
  });
});
