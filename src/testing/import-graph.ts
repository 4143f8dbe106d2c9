import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * The server's import graph between modules (src/modules/<name>/), read with the TypeScript
 * compiler's own import scanner, so `import type`, re-exports and `import()` all count. Used by
 * module-boundaries.test.ts; ESLint checks which files of another module one may import
 * (lint/module-boundaries.js), this checks that modules never go round in a circle.
 */

/** One import of a file in one module by a file in another, paths relative to the root given. */
export interface CrossImport {
  from: string;
  to: string;
}

/** module → module it imports → the file imports that make that edge. */
export type ModuleGraph = Map<string, Map<string, CrossImport[]>>;

/** Every .ts file under `dir`, recursively, as paths relative to `root`. */
export function listTypeScriptFiles(root: string, dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...listTypeScriptFiles(root, relative));
    else if (entry.name.endsWith('.ts')) found.push(relative);
  }
  return found;
}

/** The module a path belongs to (`src/modules/<name>/…`), or null outside the modules. */
export function moduleOf(file: string): string | null {
  const parts = path.normalize(file).split(path.sep);
  return parts[0] === 'src' && parts[1] === 'modules' && parts.length > 3 ? parts[2]! : null;
}

/** The files a source text imports through relative specifiers, resolved against its own path. */
export function relativeImportsOf(file: string, source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles
    .map((imported) => imported.fileName)
    .filter((specifier) => specifier.startsWith('./') || specifier.startsWith('../'))
    .map((specifier) => path.normalize(path.join(path.dirname(file), specifier)));
}

/** The module graph of `files` (relative to `root`): an edge for every import across modules. */
export function moduleGraph(root: string, files: readonly string[]): ModuleGraph {
  const graph: ModuleGraph = new Map();
  for (const file of files) {
    const from = moduleOf(file);
    if (from === null) continue;
    const edges = graph.get(from) ?? new Map<string, CrossImport[]>();
    graph.set(from, edges);
    for (const target of relativeImportsOf(file, readFileSync(path.join(root, file), 'utf8'))) {
      const to = moduleOf(target);
      if (to === null || to === from) continue;
      edges.set(to, [...(edges.get(to) ?? []), { from: file, to: target }]);
    }
  }
  return graph;
}

/**
 * The groups of modules that reach each other through imports (strongly connected components of
 * more than one module, Tarjan's algorithm), each told as the list of its modules followed by
 * one cycle through the first of them, every step named with a file import that makes it.
 * Empty when the graph has no cycle.
 */
export function findCycles(graph: ModuleGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const targets = (node: string) => [...(graph.get(node)?.keys() ?? [])].sort();
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of targets(node)) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      group.push(member);
    } while (member !== node);
    if (group.length > 1) groups.push(group.sort());
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return groups.map((group) => [`${group.join(', ')} reach each other`, ...describeCycle(graph, group)]);
}

/** One cycle through a group, each step named with a file import that makes it. */
function describeCycle(graph: ModuleGraph, group: readonly string[]): string[] {
  const members = new Set(group);
  const start = group[0]!;
  // Breadth-first from the start back to itself, inside the group: the shortest way round.
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const next of [...(graph.get(node)?.keys() ?? [])].sort()) {
      if (!members.has(next) || cameFrom.has(next)) continue;
      cameFrom.set(next, node);
      if (next === start) queue.length = 0;
      else queue.push(next);
    }
  }
  const steps: string[] = [];
  let node = start;
  do {
    const previous = cameFrom.get(node)!;
    const example = graph.get(previous)!.get(node)![0]!;
    steps.unshift(`${previous} → ${node} (${example.from} imports ${example.to})`);
    node = previous;
  } while (node !== start);
  return steps;
}
