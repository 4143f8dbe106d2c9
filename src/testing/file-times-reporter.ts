import type { Reporter, TestModule } from 'vitest/node';

const seconds = (ms: number) => (ms / 1000).toFixed(1).padStart(6);

/**
 * A table of the time each test file took, slowest first, printed at the end of a run (CI adds
 * it with `--reporter=./src/testing/file-times-reporter.ts`). Vitest's own figures count the
 * tests alone; here a file's time also counts loading it and its hooks (opening a database,
 * building a province), which is where a slow suite spends its time.
 */
export default class FileTimesReporter implements Reporter {
  private started = performance.now();

  onTestRunStart(): void {
    this.started = performance.now();
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const rows = testModules.map((module) => {
      const d = module.diagnostic();
      const load = d.environmentSetupDuration + d.prepareDuration + d.setupDuration + d.collectDuration;
      return { file: module.relativeModuleId, project: module.project.name, load, run: d.duration, total: load + d.duration, state: module.state() };
    }).sort((a, b) => b.total - a.total);
    const lines = [
      '',
      'Time per test file (s): total = load (import, setup) + run (hooks and tests)',
      ` total    load     run  project  file`,
      ...rows.map((r) => `${seconds(r.total)}  ${seconds(r.load)}  ${seconds(r.run)}  ${r.project.padEnd(7)}  ${r.file}${r.state === 'failed' ? '  (failed)' : ''}`),
      `${seconds(rows.reduce((sum, r) => sum + r.total, 0))}  summed over ${rows.length} files; the run took ${seconds(performance.now() - this.started).trim()} s`,
      '',
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  }
}
