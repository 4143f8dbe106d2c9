/**
 * The run's migrated embedded database, dumped by the server tests' global setup, handed to the
 * browser journeys' global setup when both run in one vitest process: their first demo server
 * then starts from it instead of running initdb and every migration again (about 10 s of CPU
 * before any journey can start). Each project's global setup is loaded as a module of its own,
 * so the hand-over goes through the process.
 */
const KEY = Symbol.for('doorstep.test.migratedDump');

type Holder = { [KEY]?: string };

export function shareMigratedDump(file: string | undefined): void {
  (globalThis as Holder)[KEY] = file;
}

/** The dump's path, or undefined when the server tests' setup has not run (or runs on PostgreSQL). */
export function sharedMigratedDump(): string | undefined {
  return (globalThis as Holder)[KEY];
}
