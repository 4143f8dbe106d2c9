import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.js';
import { resolveSecretKey, SECRET_KEY_FILE } from './secret-key.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'doorstep-key-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('the secret key of the keyed hashes', () => {
  it('is made once in the data folder, readable by its owner only, and reused', () => {
    const config = loadConfig({ DATA_DIR: dataDir });
    const key = resolveSecretKey(config);
    expect(key.length).toBeGreaterThanOrEqual(32);
    const file = path.join(dataDir, SECRET_KEY_FILE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(resolveSecretKey(config)).toBe(key);
  });

  it('comes from DOORSTEP_SECRET when set, which must be long enough', () => {
    const secret = 'a-secret-set-by-the-operator-0123456789';
    expect(resolveSecretKey(loadConfig({ DATA_DIR: dataDir, DOORSTEP_SECRET: secret }))).toBe(secret);
    expect(() => loadConfig({ DOORSTEP_SECRET: 'short' })).toThrow(ConfigError);
  });

  it('refuses a damaged key file rather than hashing with a weak key', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doorstep-key-'));
    fs.writeFileSync(path.join(dir, SECRET_KEY_FILE), 'x\n');
    expect(() => resolveSecretKey(loadConfig({ DATA_DIR: dir }))).toThrow(/no usable key/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
