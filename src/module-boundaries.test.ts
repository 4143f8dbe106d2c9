import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findCycles, listTypeScriptFiles, moduleGraph, moduleOf, relativeImportsOf, type ModuleGraph } from './testing/import-graph.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** A graph from `a → b` pairs, each edge made by one made-up file import. */
function graphOf(edges: readonly string[]): ModuleGraph {
  const graph: ModuleGraph = new Map();
  for (const edge of edges) {
    const [from, to] = edge.split(' → ') as [string, string];
    const targets = graph.get(from) ?? new Map();
    targets.set(to, [{ from: `src/modules/${from}/x.ts`, to: `src/modules/${to}/y.ts` }]);
    graph.set(from, targets);
    if (!graph.has(to)) graph.set(to, new Map());
  }
  return graph;
}

describe('the import graph reader', () => {
  it('reads static, type-only, re-exported and dynamic imports, resolved against the file', () => {
    const source = [
      "import { a } from '../units/units.service.js';",
      "import type { B } from './b.js';",
      "export { c } from '../../lib/c.js';",
      'import {',
      '  d,',
      "} from '../people/people.public.js';",
      "const e = await import('../rollups/rollups.service.js');",
      "import fs from 'node:fs';",
    ].join('\n');
    expect(relativeImportsOf('src/modules/targets/t.ts', source)).toEqual([
      'src/modules/units/units.service.js',
      'src/modules/targets/b.js',
      'src/lib/c.js',
      'src/modules/people/people.public.js',
      'src/modules/rollups/rollups.service.js',
    ]);
  });

  it('names the module of a path, sub-folders included, and none outside src/modules', () => {
    expect(moduleOf('src/modules/targets/progress/progress.service.ts')).toBe('targets');
    expect(moduleOf('src/modules/units/units.service.js')).toBe('units');
    expect(moduleOf('src/app.ts')).toBeNull();
    expect(moduleOf('src/lib/csv.ts')).toBeNull();
  });

  it('finds a cycle through three modules and names the imports that close it', () => {
    const cycles = findCycles(graphOf(['units → rollups', 'rollups → people', 'people → units', 'people → auth']));
    expect(cycles).toEqual([[
      'people, rollups, units reach each other',
      'people → units (src/modules/people/x.ts imports src/modules/units/y.ts)',
      'units → rollups (src/modules/units/x.ts imports src/modules/rollups/y.ts)',
      'rollups → people (src/modules/rollups/x.ts imports src/modules/people/y.ts)',
    ]]);
  });

  it('finds each separate cycle, and none in a graph that only goes down', () => {
    expect(findCycles(graphOf(['a → b', 'b → a', 'c → d', 'd → c', 'a → c']))).toHaveLength(2);
    expect(findCycles(graphOf(['targets → units', 'targets → rollups', 'rollups → units', 'reports → targets']))).toEqual([]);
  });
});

describe('module boundaries', () => {
  // Tests assemble their scene from any module; the rule is for what ships.
  const files = listTypeScriptFiles(root, 'src/modules').filter((file) => !file.endsWith('.test.ts'));
  const graph = moduleGraph(root, files);

  it('reads the modules it should', () => {
    expect(graph.get('targets')?.has('units')).toBe(true);
    expect(graph.get('outreach')?.has('people')).toBe(true);
  });

  it('has no import cycle between modules', () => {
    expect(findCycles(graph)).toEqual([]);
  });
});
