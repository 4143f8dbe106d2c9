import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openPGlite } from '../../src/db/database.js';
import { DEMO_PASSWORD } from './demo-password.js';
import { E2E_SECRET } from './e2e-server.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface DemoServerProcess {
  url: string;
  stop(): Promise<void>;
}

/**
 * A demo server in a process of its own (`doorstep serve`), on a copy of the demo province dumped
 * by the first one. Servers started inside the test runner's main process share its one thread:
 * with journeys running side by side, every server's work waited there in turn while the
 * machine's other core stood idle.
 */
export async function startDemoServerProcess(demoDump: string): Promise<DemoServerProcess> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'doorstep-e2e-'));
  const copy = await openPGlite({ dataDir, loadDataDir: new Blob([fs.readFileSync(demoDump)]) });
  await copy.close();
  const { DATABASE_URL: _server, ...env } = process.env;
  const child = spawn(process.execPath, ['bin/doorstep.js', 'serve'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', DATA_DIR: dataDir, DOORSTEP_SECRET: E2E_SECRET,
      // As on the in-process servers (e2e-server.ts): journeys sign in many times from 127.0.0.1.
      LOGIN_RATE_LIMIT: '10000', DOORSTEP_DEMO_PASSWORD: DEMO_PASSWORD,
    },
  });
  const exited = once(child, 'exit');
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const running = /running at (http:\/\/\S+)/.exec(output);
      if (running) resolve(running[1]!);
    };
    child.stdout.on('data', read);
    child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    void exited.then(([code]) => reject(new Error(`the demo server stopped before answering (exit ${String(code)}):\n${output}`)));
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return { url, stop };
}
