import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compiledEntry } from '../bin/compiled.js';

/**
 * `doorstep` runs the compiled server only while the build is newer than every source it was
 * made from: an edit after the build must send it back to the sources, or the server would run
 * old code without saying so.
 */
describe('compiledEntry chooses the build only while it is current', () => {
  let root: string;
  const write = (file: string, secondsAgo: number) => {
    const full = path.join(root, file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, '');
    age(file, secondsAgo);
  };
  // Dates a file `secondsAgo`: before or after the build's time, as a test needs.
  const age = (file: string, secondsAgo: number) => {
    const when = new Date(Date.now() - secondsAgo * 1000);
    fs.utimesSync(path.join(root, file), when, when);
  };
  const entry = () => compiledEntry('src/cli.js', ['src', 'migrations'], root);

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'doorstep-compiled-'));
    write('src/cli.ts', 60);
    write('src/modules/units/units.service.ts', 60);
    write('migrations/index.ts', 60);
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('answers the compiled file when it was built after the last source change', () => {
    write('dist/src/cli.js', 10);
    expect(entry()).toBe(pathToFileURL(path.join(root, 'dist/src/cli.js')).href);
  });

  it('answers null when there is no build', () => {
    expect(entry()).toBeNull();
  });

  it('answers null when a source deep in a folder changed after the build', () => {
    write('dist/src/cli.js', 10);
    write('src/modules/units/units.service.ts', 1);
    expect(entry()).toBeNull();
  });

  it('answers null when a source of another compiled folder changed after the build', () => {
    write('dist/src/cli.js', 10);
    write('migrations/20990101000000_add_thing.ts', 1);
    expect(entry()).toBeNull();
  });

  it('answers null when a source was renamed after the build (the file importing it changed)', () => {
    write('dist/src/cli.js', 10);
    fs.renameSync(path.join(root, 'src/modules/units/units.service.ts'), path.join(root, 'src/modules/units/unit-service.ts'));
    write('src/cli.ts', 1);
    expect(entry()).toBeNull();
  });

  it('ignores what a benchmark writes to bench/results', () => {
    write('bench/server-process.ts', 60);
    write('dist/bench/server-process.js', 10);
    write('bench/results/sync-ingest-2026-12-02.json', 1);
    expect(compiledEntry('bench/server-process.js', ['src', 'migrations', 'bench'], root)).not.toBeNull();
    write('bench/server-meter.ts', 1);
    expect(compiledEntry('bench/server-process.js', ['src', 'migrations', 'bench'], root)).toBeNull();
  });

  it('ignores a test edited after the build, which is not compiled', () => {
    write('src/modules/units/units.service.test.ts', 60);
    write('dist/src/cli.js', 10);
    write('src/modules/units/units.service.test.ts', 1);
    expect(entry()).not.toBeNull();
  });
});
