#!/usr/bin/env node
// The `doorstep` command. The TypeScript sources run through tsx's loader, so a fresh clone
// needs no build step before `npm start`.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
