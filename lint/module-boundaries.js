// ESLint rule `doorstep/module-boundaries`: what a server module may import of another, and that a
// web feature imports no other feature. The reasons are in docs/decisions.md ("Module
// boundaries"); the absence of import cycles between modules is src/module-boundaries.test.ts.
import path from 'node:path';

/** Another module's files that are its public face: services, schemas and named public files. */
const PUBLIC_FILE = /\.(service|schema|public)\.(js|ts)$/;

/** `{ kind, name }` of the server module or web feature a path (relative to the root) lies in. */
function areaOf(relative) {
  const parts = relative.split(path.sep);
  if (parts[0] === 'src' && parts[1] === 'modules' && parts.length > 3) return { kind: 'module', name: parts[2] };
  if (parts[0] === 'web' && parts[1] === 'src' && parts[2] === 'features' && parts.length > 4) return { kind: 'feature', name: parts[3] };
  return null;
}

export const moduleBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'A module imports only the services, schemas and *.public files of another; a web feature imports no other feature' },
    schema: [],
    messages: {
      internal: "Module '{{from}}' may import only the *.service, *.schema or *.public files of module '{{to}}', not '{{file}}': use or add one of those (docs/decisions.md, Module boundaries).",
      feature: "Feature '{{from}}' may not import feature '{{to}}' ('{{file}}'): move what both need to web/src/lib or web/src/components.",
    },
  },
  create(context) {
    const root = context.cwd;
    const file = path.relative(root, context.filename);
    const here = areaOf(file);
    if (here === null) return {};

    function check(node, source) {
      if (!source || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const target = path.relative(root, path.resolve(path.dirname(context.filename), source.value));
      const there = areaOf(target);
      if (there === null || there.kind !== here.kind || there.name === here.name) return;
      if (here.kind === 'module' && PUBLIC_FILE.test(target)) return;
      context.report({
        node: source,
        messageId: here.kind === 'module' ? 'internal' : 'feature',
        data: { from: here.name, to: there.name, file: target },
      });
    }

    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source.type === 'Literal' ? node.source : null),
    };
  },
};

export default { rules: { 'module-boundaries': moduleBoundaries } };
