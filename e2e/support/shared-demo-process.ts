import fs from 'node:fs';
import path from 'node:path';
import { DEMO_PASSWORD } from './demo-password.js';
import { startE2eServer, type E2eServerHome } from './e2e-server.js';
import { demoDay, type SharedDemo } from './shared-demo.js';

/**
 * The run's shared demo server, in a process of its own (started by global-setup.ts through
 * shared-demo.ts): it builds the demo province while the server tests run, then writes where it
 * listens, and on the embedded database the demo as built, to the file named by its first
 * argument. It stops on SIGTERM.
 */
function argument(index: number): string {
  const value = process.argv[2 + index];
  if (!value) throw new Error('usage: shared-demo-process.ts <announce file> <home folder> <database prefix>');
  return value;
}
const announceFile = argument(0);
const home: E2eServerHome = { folder: argument(1), databasePrefix: argument(2) };

function announce(value: SharedDemo | { error: string }): void {
  // Written whole, then renamed: a reader never sees half a file.
  fs.writeFileSync(`${announceFile}.part`, JSON.stringify(value));
  fs.renameSync(`${announceFile}.part`, announceFile);
}

try {
  const { built: e2e, builtOn } = await demoDay(() => startE2eServer({ demoPassword: DEMO_PASSWORD, home }));
  let dump = '';
  const pglite = e2e.server.database.pglite;
  if (pglite) {
    dump = path.join(path.dirname(announceFile), 'demo.tar');
    fs.writeFileSync(dump, Buffer.from(await (await pglite.dumpDataDir('none')).arrayBuffer()));
  }
  announce({ url: e2e.server.url, dump, builtOn });
  process.once('SIGTERM', () => {
    void e2e.stop().finally(() => process.exit(0));
  });
} catch (error) {
  announce({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
}
