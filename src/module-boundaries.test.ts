import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RuleTester } from 'eslint';
import { describe, expect, it } from 'vitest';
import { moduleBoundaries } from '../lint/module-boundaries.js';
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

describe('the lint rule of module boundaries', () => {
  RuleTester.describe = describe;
  RuleTester.it = it;
  const tester = new RuleTester({ languageOptions: { ecmaVersion: 2023, sourceType: 'module' } });
  const at = (file: string) => path.join(process.cwd(), file);
  tester.run('module-boundaries', moduleBoundaries, {
    valid: [
      { filename: at('src/modules/targets/progress/progress.service.ts'), code: "import { getUnit } from '../../units/units.service.js';" },
      { filename: at('src/modules/outreach/sync.service.ts'), code: "export { pullVillagePage } from '../people/people.public.js';" },
      { filename: at('src/modules/reports/xlsx.ts'), code: "import { UnitSchema } from '../units/units.schema.js';" },
      // Inside one module, sub-folders included, anything goes.
      { filename: at('src/modules/targets/supervision/supervision.routes.ts'), code: "import * as q from '../reported/reported-values.queries.js';" },
      // Outside the modules (the composition root) and shared code are not bound.
      { filename: at('src/app.ts'), code: "import { unitRoutes } from './modules/units/units.routes.js';" },
      { filename: at('src/modules/units/unit-imports.ts'), code: "import { readCsv } from '../../lib/csv.js';" },
      { filename: at('web/src/features/teams/components/teams-page.tsx'), code: "import { Button } from '../../../components/ui/button';" },
    ],
    invalid: [
      { filename: at('src/modules/units/units.routes.ts'), code: "import { regroupAreas } from '../rollups/rollups.queries.js';", errors: [{ messageId: 'internal' }] },
      { filename: at('src/modules/targets/values/indicator-values.ts'), code: "import { teamPresence } from '../../teams/team-coverage.js';", errors: [{ messageId: 'internal' }] },
      { filename: at('src/modules/xapi/xapi.routes.ts'), code: "export * from '../learning/certificates/certificates.routes.js';", errors: [{ messageId: 'internal' }] },
      { filename: at('src/modules/rollups/rollup-rebuild.ts'), code: "const feed = await import('../people/people-feed.js');", errors: [{ messageId: 'internal' }] },
      { filename: at('web/src/features/contest-admin/components/page.tsx'), code: "import '../../contest/components/contest.css';", errors: [{ messageId: 'feature' }] },
    ],
  });
});
