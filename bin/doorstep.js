#!/usr/bin/env -S node --max-old-space-size=1024
// The heap limit (also in package.json's start and bench scripts): with Node's default of about
// 4 GB on a large machine, V8 let the heap grow to 380 MB under a sync load before collecting it;
// a 1 GB limit (the server's memory budget) keeps it near 245 MB. See docs/decisions.md.
// The `doorstep` command: the compiled server when the build in dist/ is current (`npm ci` makes
// it), else the TypeScript sources through tsx's loader, so a fresh clone or an edited source
// needs no build step before `npm start` (see compiled.js).
import { compiledEntry } from './compiled.js';

const compiled = compiledEntry('src/cli.js');
if (compiled) {
  await import(compiled);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli.ts');
}
