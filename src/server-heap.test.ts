import fs from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * The server runs with V8's old generation capped at 1 GB (its memory budget). With Node's
 * default limit on a large machine, V8 let the heap grow to about 380 MB under a sync load
 * before collecting; capped, the same load peaks near 245 MB (docs/decisions.md, "The server's
 * heap"). V8 reads the cap only at start, so every way of starting the server must pass it.
 */
const HEAP_FLAG = '--max-old-space-size=1024';

describe('the server starts with its heap limit', () => {
  it('through `npx doorstep` (the first line of bin/doorstep.js)', () => {
    const firstLine = fs.readFileSync('bin/doorstep.js', 'utf8').split('\n')[0];
    expect(firstLine).toBe(`#!/usr/bin/env -S node ${HEAP_FLAG}`);
  });

  it('through `npm start` and the benchmarks that measure the server', () => {
    const { scripts } = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.start).toBe(`node ${HEAP_FLAG} bin/doorstep.js serve`);
    for (const name of ['bench:sync', 'bench:progress', 'bench:dashboard', 'bench:contest']) {
      expect(scripts[name], name).toContain(` ${HEAP_FLAG} `);
    }
  });
});
