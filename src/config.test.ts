import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('configuration', () => {
  it('has defaults that start the embedded database on port 3000', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', databaseUrl: undefined, demo: true, cookieSecure: false });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('lists every bad value at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', DOORSTEP_DEMO: 'maybe', DOORSTEP_ADMIN_PASSWORD: 'short' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of ['PORT', 'DATABASE_URL', 'LOG_LEVEL', 'DOORSTEP_DEMO', 'DOORSTEP_ADMIN_PASSWORD']) expect(problems).toContain(name);
  });

  it('takes a read replica only beside a PostgreSQL primary', () => {
    expect(() => loadConfig({ DATABASE_REPLICA_URL: 'postgres://replica/doorstep' })).toThrow(/DATABASE_REPLICA_URL needs DATABASE_URL/);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://primary/doorstep', DATABASE_REPLICA_URL: 'mysql://replica' })).toThrow(/DATABASE_REPLICA_URL must start with postgres/);
    const config = loadConfig({ DATABASE_URL: 'postgres://primary/doorstep', DATABASE_REPLICA_URL: 'postgres://replica/doorstep' });
    expect(config).toMatchObject({ databaseUrl: 'postgres://primary/doorstep', databaseReplicaUrl: 'postgres://replica/doorstep' });
    expect(loadConfig({}).databaseReplicaUrl).toBeUndefined();
  });
});
