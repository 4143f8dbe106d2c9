import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { openPostgres, REPLICA_CONNECT_TIMEOUT_MS, type Database } from './database.js';
import { primaryReads, replicaReads, sessionStampsOn, type ReadSource } from './read-replica.js';

/**
 * How reads leave a replica that does not answer and come back to it. The two databases here are
 * stand-ins that only say who they are; src/db/read-replica.test.ts drives a real standby.
 */
const primary = { name: 'primary' } as unknown as Database;
const replica = { name: 'replica' } as unknown as Database;

function recorder() {
  const lines: string[] = [];
  return { lines, log: { warn: (_details: object, message: string) => lines.push(`warn ${message}`), info: (message: string) => lines.push(`info ${message}`) } };
}

const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5433'), { code: 'ECONNREFUSED' });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('reads on a replica', () => {
  it('reads on the primary when there is no replica', async () => {
    const reads = primaryReads(primary);
    expect(await reads.run(async (db) => db)).toBe(primary);
    expect(reads.served).toEqual({ replica: 0, primary: 1 });
  });

  it('falls back to the primary while the replica is down, tries it once per back-off, and logs the outage once', async () => {
    const { lines, log } = recorder();
    let replicaUp = false;
    let replicaTries = 0;
    const reads = replicaReads(primary, replica, log, { backoffMs: 1000, maxBackoffMs: 4000 });
    const read = () => reads.run(async (db) => {
      if (db === replica) {
        replicaTries += 1;
        if (!replicaUp) throw refused();
      }
      return db;
    });

    expect(await read()).toBe(primary);
    expect(replicaTries).toBe(1);
    // Within the back-off, nothing goes near the replica.
    for (let i = 0; i < 20; i += 1) expect(await read()).toBe(primary);
    expect(replicaTries).toBe(1);
    await sleep(1200);
    expect(await read()).toBe(primary);
    expect(replicaTries).toBe(2);
    expect(lines).toEqual(['warn read replica unavailable: reading from the primary until it answers again']);

    replicaUp = true;
    // The back-off doubled to 2 s after the second failure.
    await sleep(300);
    expect(await read()).toBe(primary);
    await sleep(2000);
    expect(await read()).toBe(replica);
    expect(await read()).toBe(replica);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^info read replica answers again/);
    expect(reads.served).toEqual({ replica: 2, primary: 23 });
  });

  it('lets one read try a rested replica while the others keep to the primary', async () => {
    const { log } = recorder();
    const reads = replicaReads(primary, replica, log, { backoffMs: 10 });
    await reads.run(async (db) => { if (db === replica) throw refused(); return db; });
    await sleep(20);
    let release!: () => void;
    const probe = reads.run(async (db) => {
      if (db === replica) await new Promise<void>((resolve) => { release = resolve; });
      return db;
    });
    const others = await Promise.all([1, 2, 3].map(() => reads.run(async (db) => db)));
    expect(others).toEqual([primary, primary, primary]);
    release();
    expect(await probe).toBe(replica);
    expect(await reads.run(async (db) => db)).toBe(replica);
  });

  it('passes the answer\'s own errors on, and sends a read the replica\'s replay cancelled to the primary without resting it', async () => {
    const { lines, log } = recorder();
    const seen: ReadSource[] = [];
    const reads = replicaReads(primary, replica, log, { onRead: (source) => seen.push(source) });
    await expect(reads.run(async () => { throw new AppError('NOT_FOUND', 'No unit 99'); })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // A write that reached the replica is a bug to see, not an outage to hide.
    const readOnly = Object.assign(new Error('cannot execute INSERT in a read-only transaction'), { code: '25006' });
    await expect(reads.run(async () => { throw readOnly; })).rejects.toBe(readOnly);

    const conflict = Object.assign(new Error('canceling statement due to conflict with recovery'), { code: '40001' });
    expect(await reads.run(async (db) => { if (db === replica) throw conflict; return db; })).toBe(primary);
    expect(await reads.run(async (db) => db)).toBe(replica);
    expect(seen).toEqual(['primary', 'replica']);
    expect(lines).toEqual([]);
  });

  describe('against a port where nothing listens', () => {
    // A port of this project's test range that nothing is started on.
    const nobody = openPostgres('postgres://postgres@127.0.0.1:55449/doorstep', 2, { connectTimeoutMs: REPLICA_CONNECT_TIMEOUT_MS });
    afterAll(async () => (await nobody).close());

    it('takes the pg client\'s refused connection for a replica that is down', async () => {
      const { lines, log } = recorder();
      const reads = replicaReads(primary, (await nobody).db, log);
      const answered = await reads.run(async (db) => {
        if (db === primary) return 'primary';
        await db.selectFrom('units').select('code').execute();
        return 'replica';
      });
      expect(answered).toBe('primary');
      expect(lines).toHaveLength(1);
    });
  });

  it('hands the session\'s reference stamps only to a read on the primary', () => {
    const stamps = { units: '7' };
    const reads = replicaReads(primary, replica, recorder().log);
    expect(sessionStampsOn(reads, primary, stamps)).toBe(stamps);
    expect(sessionStampsOn(reads, replica, stamps)).toBeUndefined();
    expect(sessionStampsOn(reads, primary, null)).toBeUndefined();
    expect(sessionStampsOn(primaryReads(primary), primary, stamps)).toBe(stamps);
  });
});
