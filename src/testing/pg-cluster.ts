import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * Throw-away PostgreSQL servers for tests that need more than one: a primary made by initdb and
 * a streaming standby made from it by pg_basebackup, each on its own port, in a temporary folder.
 * PostgreSQL refuses to run as root, so when the tests run as root (CI does) the servers run as
 * the `postgres` user.
 */

const TOOLS = ['initdb', 'pg_ctl', 'pg_basebackup', 'psql'] as const;

/** The newest /usr/lib/postgresql/<version>/bin that has every tool, or why there is none. */
export function findPostgresBin(): { bin: string } | { missing: string } {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  for (const version of versions) {
    const bin = path.join(root, version, 'bin');
    if (TOOLS.every((tool) => fs.existsSync(path.join(bin, tool)))) return { bin };
  }
  return { missing: `no ${root}/<version>/bin with ${TOOLS.join(', ')} (install the PostgreSQL server package)` };
}

/** Why the servers cannot run as this user, if they cannot. */
export function serverUserProblem(): string | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const postgres = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  if (postgres.status !== 0) return 'running as root and there is no `postgres` user to run the servers as';
  if (spawnSync('runuser', ['--help']).error) return 'running as root and there is no `runuser` to run the servers as `postgres`';
  return undefined;
}

/** A port of [from, to] that nothing listens on now. */
export async function freePort(from: number, to: number): Promise<number> {
  for (let port = from; port <= to; port += 1) {
    const free = await new Promise<boolean>((resolve) => {
      const server = net.createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`No free port from ${from} to ${to}`);
}

export interface Clusters {
  readonly folder: string;
  readonly primaryPort: number;
  readonly standbyPort: number;
  url(port: number, database?: string): string;
  /** Makes the primary, starts it, and creates `database` on it. */
  startPrimary(database: string): void;
  /** Copies the primary with pg_basebackup -R and starts the copy as a streaming standby. */
  startStandby(): void;
  stop(which: 'primary' | 'standby'): void;
  start(which: 'primary' | 'standby'): void;
  /** Stops both servers and removes the folder; safe to call twice, and after a failed start. */
  destroy(): void;
}

/**
 * Settings that keep a test server small and quick: its data is thrown away, so nothing needs to
 * reach the disk safely.
 */
const QUICK_SETTINGS = [
  "listen_addresses = '127.0.0.1'",
  'shared_buffers = 16MB',
  'max_connections = 40',
  'fsync = off',
  'synchronous_commit = off',
  'full_page_writes = off',
  'wal_level = replica',
  'max_wal_senders = 4',
  'hot_standby = on',
  // Streaming standbys report back often, so a test waiting for one to catch up does not wait long.
  'wal_receiver_status_interval = 1s',
];

export function makeClusters(bin: string, primaryPort: number, standbyPort: number): Clusters {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'doorstep-replica-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    fs.chownSync(folder, uid, gid);
  }
  fs.chmodSync(folder, 0o700);
  const dirs = { primary: path.join(folder, 'primary'), standby: path.join(folder, 'standby') };
  const ports = { primary: primaryPort, standby: standbyPort };
  const started = new Set<'primary' | 'standby'>();

  const run = (tool: string, args: string[]) => {
    const command = asRoot ? 'runuser' : path.join(bin, tool);
    const fullArgs = asRoot ? ['-u', 'postgres', '--', path.join(bin, tool), ...args] : args;
    const result = spawnSync(command, fullArgs, { encoding: 'utf8', cwd: folder, timeout: 120_000 });
    if (result.status !== 0) {
      throw new Error(`${tool} ${args.join(' ')} failed (${result.status ?? result.signal}): ${result.stderr || result.stdout || result.error?.message}`);
    }
  };
  const append = (file: string, lines: string[]) => {
    // Written by postgres itself would need another runuser; the owner stays as it was.
    fs.appendFileSync(file, `\n${lines.join('\n')}\n`);
  };
  const start = (which: 'primary' | 'standby') => {
    run('pg_ctl', ['-D', dirs[which], '-l', path.join(folder, `${which}.log`), '-w', '-t', '120', 'start']);
    started.add(which);
  };
  const stop = (which: 'primary' | 'standby', mode = 'fast') => {
    if (!started.has(which)) return;
    run('pg_ctl', ['-D', dirs[which], '-m', mode, '-w', '-t', '120', 'stop']);
    started.delete(which);
  };
  // A test process that dies before its cleanup leaves no server behind it.
  const onExit = () => destroy();
  process.once('exit', onExit);

  function destroy() {
    process.removeListener('exit', onExit);
    for (const which of ['standby', 'primary'] as const) {
      try {
        stop(which, 'immediate');
      } catch {
        // Already gone: nothing to stop.
      }
    }
    fs.rmSync(folder, { recursive: true, force: true });
  }

  return {
    folder,
    primaryPort,
    standbyPort,
    url: (port, database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
    startPrimary(database) {
      run('initdb', ['-D', dirs.primary, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
      append(path.join(dirs.primary, 'postgresql.conf'), [...QUICK_SETTINGS, `port = ${ports.primary}`, `unix_socket_directories = '${folder}'`]);
      // The standby connects over TCP as postgres to stream the primary's changes.
      append(path.join(dirs.primary, 'pg_hba.conf'), ['host replication postgres 127.0.0.1/32 trust']);
      start('primary');
      run('psql', ['-h', '127.0.0.1', '-p', String(ports.primary), '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-qc', `create database ${database}`]);
    },
    startStandby() {
      run('pg_basebackup', ['-h', '127.0.0.1', '-p', String(ports.primary), '-U', 'postgres', '-D', dirs.standby, '-R', '-X', 'stream', '-c', 'fast', '--no-sync']);
      // The copy carries the primary's settings; the last line read wins.
      append(path.join(dirs.standby, 'postgresql.auto.conf'), [`port = ${ports.standby}`]);
      start('standby');
    },
    stop: (which) => stop(which),
    start,
    destroy,
  };
}
