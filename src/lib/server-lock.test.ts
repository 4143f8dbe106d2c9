import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { markServerRunning, runningServerPid, SERVER_PID_FILE } from './server-lock.js';

const run = promisify(execFile);
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'doorstep-lock-'));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

describe('backup beside a running embedded server', () => {
  it('knows a live server from a stale note', () => {
    const dataDir = path.join(folder, 'stale');
    const unmark = markServerRunning(dataDir);
    expect(runningServerPid(dataDir)).toBe(process.pid);
    unmark();
    expect(runningServerPid(dataDir)).toBeNull();
    fs.writeFileSync(path.join(dataDir, SERVER_PID_FILE), '999999999\n');
    expect(runningServerPid(dataDir)).toBeNull();
  });

  it('is refused by the command line, clearly, without touching the folder', async () => {
    const dataDir = path.join(folder, 'live');
    markServerRunning(dataDir);
    const file = path.join(folder, 'backup.gz');
    // The embedded database, whatever the run's own DATABASE_URL says.
    const { DATABASE_URL: _serverUrl, ...inherited } = process.env;
    const env = { ...inherited, DATA_DIR: dataDir };
    const failed = await run(process.execPath, ['bin/doorstep.js', 'backup', file], { env }).catch((error: { code: number; stderr: string }) => error);
    expect('code' in failed && failed.code).toBe(1);
    expect((failed as { stderr: string }).stderr).toMatch(new RegExp(`process ${process.pid}.*stop it first`));
    expect(fs.existsSync(file)).toBe(false);
  }, 60_000);
});
