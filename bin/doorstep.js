#!/usr/bin/env -S node --max-old-space-size=1024
// The heap limit (also in package.json's start and bench scripts): with Node's default of about
// 4 GB on a large machine, V8 let the heap grow to 380 MB under a sync load before collecting it;
// a 1 GB limit (the server's memory budget) keeps it near 245 MB. See docs/decisions.md.
// The `doorstep` command. The TypeScript sources run through tsx's loader, so a fresh clone
// needs no build step before `npm start`.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
