import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { vietnamDay } from '../../src/lib/vietnam-day.js';
import type { E2eServerHome } from './e2e-server.js';

/** The run's shared demo server, once built: where it listens, and its database as built ('' on a PostgreSQL server). */
export interface SharedDemo {
  url: string;
  dump: string;
  /** The Vietnam day the demo's "today" is (demoDay). */
  builtOn: string | null;
}

/**
 * Builds a demo with `build` and answers it with the Vietnam day it was built for: the demo dates
 * its people's latest work today, so a journey that looks for today's figures must know which day
 * that was. Null when the build began on one day and ended on the next: its parts may disagree.
 */
export async function demoDay<T>(build: () => Promise<T>): Promise<{ built: T; builtOn: string | null }> {
  const firstDay = vietnamDay();
  const built = await build();
  return { built, builtOn: vietnamDay() === firstDay ? firstDay : null };
}

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Starts the shared demo server in a process of its own and returns at once. Building the demo
 * province takes half a minute of one core; in the run's own process it held up the first server
 * test that long, while the journeys, which need it, start only after the server tests.
 */
export function startSharedDemo(announceFile: string, home: E2eServerHome): { stop(): Promise<void> } {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'e2e/support/shared-demo-process.ts'), announceFile, home.folder, home.databasePrefix], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, NODE_ENV: 'test' },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', (code, signal) => {
    // A process that died before announcing itself (killed, out of memory) must not leave the
    // journeys waiting for it.
    if (!fs.existsSync(announceFile)) fs.writeFileSync(announceFile, JSON.stringify({ error: `its process ended (${signal ?? `exit code ${code}`})` }));
    resolve();
  }));
  return {
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      // Unreferenced: a pending timer would keep the run's process alive after the process has exited.
      await Promise.race([exited, sleep(30_000, undefined, { ref: false })]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}

/** Waits for the shared demo server to announce itself (in a journey's worker). */
export async function sharedDemo(announceFile: string, timeoutMs = 600_000): Promise<SharedDemo> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (fs.existsSync(announceFile)) {
      const announced = JSON.parse(fs.readFileSync(announceFile, 'utf8')) as SharedDemo | { error: string };
      if ('error' in announced) throw new Error(`the shared demo server did not start: ${announced.error}`);
      return announced;
    }
    if (Date.now() > deadline) throw new Error(`the shared demo server did not announce itself within ${timeoutMs / 1000} s`);
    await sleep(200);
  }
}
