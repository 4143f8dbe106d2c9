import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { startServer, type RunningServer } from '../server.js';
import { looseModes } from './data-dir.js';

describe('DATA_DIR belongs to the server user alone', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'doorstep-modes-'));
  const dataDir = path.join(folder, 'data');
  let server: RunningServer | undefined;
  const startUmask = process.umask();

  afterAll(async () => {
    await server?.stop();
    process.umask(startUmask);
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('tightens an existing open folder and keeps files written later private', async () => {
    // What an earlier version left: a world-writable folder and a world-readable file inside.
    process.umask(0);
    fs.mkdirSync(path.join(dataDir, 'old'), { recursive: true, mode: 0o777 });
    fs.writeFileSync(path.join(dataDir, 'old', 'left-over'), 'x', { mode: 0o666 });
    expect(looseModes(dataDir).length).toBeGreaterThan(0);

    server = await startServer(loadConfig({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DOORSTEP_DEMO: 'false', DOORSTEP_ADMIN_PASSWORD: 'a-long-admin-password-1' }));
    // Writes after the start reach new WAL and relation files.
    const login = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'a-long-admin-password-1' } });
    expect(login.statusCode).toBe(200);
    await server.database.pglite!.exec('CREATE TABLE mode_probe AS SELECT g FROM generate_series(1, 20000) g; CHECKPOINT;');

    expect(fs.existsSync(path.join(dataDir, 'secret.key'))).toBe(true);
    expect(looseModes(dataDir)).toEqual([]);
    expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
  }, 180_000);
});
