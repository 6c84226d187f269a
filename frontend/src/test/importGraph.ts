/// <reference types="node" />
/** The SPA's import graph, read from the sources (the cycle check in importCycles.test.ts). */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const IMPORT_RE = /(?:^|\n)\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"](\.{1,2}\/[^'"]+)['"]/g;
const EXTENSIONS = ['.ts', '.tsx', '/index.ts', '/index.tsx'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

function resolveImport(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  if (existsSync(base) && statSync(base).isFile()) return base;
  for (const ext of EXTENSIONS) if (existsSync(base + ext)) return base + ext;
  return null;
}

/**
 * Module → the local modules it imports. `runtime` leaves out `import type` (erased at build time,
 * so it cannot make a cycle at run time; a slice may import its store's RootState type).
 */
export function importGraph(srcDir: string, { runtime = false } = {}): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(srcDir)) {
    const text = readFileSync(file, 'utf-8');
    const deps = [...text.matchAll(IMPORT_RE)]
      .filter((m) => !(runtime && m[1]))
      .map((m) => resolveImport(file, m[2]!))
      .filter((p): p is string => !!p);
    graph.set(relative(srcDir, file), [...new Set(deps.map((d) => relative(srcDir, d)))]);
  }
  return graph;
}

/** `features/<name>/…` → `<name>`; anything else → null. */
export function featureOf(module: string): string | null {
  const m = /^features\/([^/]+)\//.exec(module.replace(/\\/g, '/'));
  return m ? m[1]! : null;
}

/** A feature's RTK Query endpoints (`features/<name>/api.ts`): slices of the one app api, usable by any feature. */
const isEndpointModule = (module: string) => /^features\/[^/]+\/api\.ts$/.test(module.replace(/\\/g, '/'));

/** Feature → the other features its modules import (endpoint modules aside: they form the layer below). */
export function featureGraph(graph: Map<string, string[]>): Map<string, string[]> {
  const out = new Map<string, Set<string>>();
  for (const [mod, deps] of graph) {
    const f = featureOf(mod);
    if (!f) continue;
    const set = out.get(f) ?? new Set<string>();
    for (const d of deps) {
      const g = featureOf(d);
      if (g && g !== f && !isEndpointModule(d)) set.add(g);
    }
    out.set(f, set);
  }
  return new Map([...out].map(([k, v]) => [k, [...v].sort()]));
}

/** Every elementary cycle found by depth-first search (each reported once, as a path). */
export function findCycles(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return cycles;
}
