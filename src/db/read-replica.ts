import { sql } from 'kysely';
import type { Database } from './database.js';
import type { KeptAnswers } from './kept-answers.js';
import type { ReferenceStamps } from './reference-cache.js';

/** Where a read ran: the replica, or the primary (no replica set, or it did not answer). */
export type ReadSource = 'replica' | 'primary';

/**
 * The connection that dashboard and report reads run on. Only routes that read and never need
 * their own write back take it (see docs/operations.md, "A read replica"); everything else uses
 * the primary's `app.database.db`.
 */
export interface Reads {
  /**
   * Runs `work` on the replica when one is set and answers, else on the primary. When the
   * replica fails while `work` runs (down, unreachable, a query cancelled by its replay), the
   * whole of `work` runs again on the primary, so `work` must only read.
   */
  run<T>(work: (db: Database) => Promise<T>): Promise<T>;
  /**
   * Whether `db` (as handed to `work`) is the primary: what the session's look-up read is current
   * on. A replica may not have replayed that far, so there a read takes its own reference stamps.
   */
  isPrimary(db: Database): boolean;
  /** Reads served by each side since start: what a metric or a test looks at. */
  readonly served: Readonly<Record<ReadSource, number>>;
}

/**
 * The session's reference stamps (read by its look-up, on the primary) for a read on `db`: they
 * hold only there. A replica may not have replayed that far, so a read on it takes the replica's
 * own: a newer stamp over older rows would cache those rows as new.
 */
export function sessionStampsOn(reads: Reads, db: Database, stamps: ReferenceStamps | null | undefined): ReferenceStamps | undefined {
  return reads.isPrimary(db) ? stamps ?? undefined : undefined;
}

/**
 * An answer kept until the data under it changes (db/kept-answers.ts), on the primary only: the
 * log's visibility is read against the primary's snapshots. A lagging replica reads again.
 */
export function keptOnPrimary<V>(reads: Reads, kept: KeptAnswers<V>, db: Database, key: string, derive: () => Promise<V>): Promise<V> {
  return reads.isPrimary(db) ? kept.get(db, key, derive) : derive();
}

export interface ReadsLog {
  warn(details: object, message: string): void;
  info(message: string): void;
}

export interface ReadsOptions {
  /** The first pause after a failure before the replica is tried again; it doubles up to `maxBackoffMs`. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** Where outages are logged instead of the server's log. */
  log?: ReadsLog;
  /** Called after each read with where it ran. */
  onRead?: (source: ReadSource) => void;
}

const FIRST_BACKOFF_MS = 5_000;
const MAX_BACKOFF_MS = 60_000;

/** Every read on the primary: the embedded database, or PostgreSQL without a replica. */
export function primaryReads(primary: Database): Reads {
  const served = { replica: 0, primary: 0 };
  return {
    served,
    isPrimary: (db) => db === primary,
    async run(work) {
      const result = await work(primary);
      served.primary += 1;
      return result;
    },
  };
}

/**
 * Reads on `replica`, falling back to `primary` while it does not answer. After a failure the
 * replica rests for a back-off (5 s, doubling to a minute) during which reads go straight to the
 * primary, so a dead replica costs one failed connection per back-off, not one per request; then
 * one read tries it again while the others keep to the primary. An outage is logged once when it
 * starts and once when it ends.
 */
export function replicaReads(primary: Database, replica: Database, log: ReadsLog, options: ReadsOptions = {}): Reads {
  const firstBackoff = options.backoffMs ?? FIRST_BACKOFF_MS;
  const maxBackoff = options.maxBackoffMs ?? MAX_BACKOFF_MS;
  const served = { replica: 0, primary: 0 };
  let down = false;
  let backoff = firstBackoff;
  let restUntil = 0;
  let probing = false;

  const onPrimary = async <T>(work: (db: Database) => Promise<T>): Promise<T> => {
    const result = await work(primary);
    served.primary += 1;
    options.onRead?.('primary');
    return result;
  };

  return {
    served,
    isPrimary: (db) => db === primary,
    async run(work) {
      if (down && (probing || Date.now() < restUntil)) return onPrimary(work);
      const probe = down;
      if (probe) probing = true;
      try {
        const result = await work(replica);
        served.replica += 1;
        options.onRead?.('replica');
        if (down) {
          down = false;
          backoff = firstBackoff;
          log.info('read replica answers again: dashboard and report reads are back on it');
        }
        return result;
      } catch (error) {
        const failure = replicaFailure(error);
        if (failure === undefined) throw error;
        if (failure === 'unavailable') {
          if (!down) {
            log.warn({ code: errorCode(error), message: messageOf(error) }, 'read replica unavailable: reading from the primary until it answers again');
          } else {
            backoff = Math.min(backoff * 2, maxBackoff);
          }
          down = true;
          restUntil = Date.now() + backoff;
        }
        // A query the replica's replay cancelled says nothing about the replica's health: this
        // read alone goes to the primary.
        return onPrimary(work);
      } finally {
        if (probe) probing = false;
      }
    },
  };
}

/** Socket errors that mean the server is not there (the pg client passes Node's own codes on). */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);
/**
 * SQLSTATEs of a server that cannot serve: connection exceptions (08…), insufficient resources
 * (53…, too many connections among them), and shut down, crashed, starting or dropped (57P01–57P04).
 */
const UNAVAILABLE_STATE = /^(08|53|57P0[1-4])/;
/** Raised by the pg client itself when a connection cannot be made or is lost. */
const CLIENT_MESSAGES = /connection terminated|timeout exceeded when trying to connect|not queryable|connection error/i;
/** "canceling statement due to conflict with recovery": a standby's replay needed what the query held. */
const RECOVERY_CONFLICT = '40001';

function replicaFailure(error: unknown): 'unavailable' | 'conflict' | undefined {
  const code = errorCode(error);
  if (code === RECOVERY_CONFLICT) return 'conflict';
  if (code !== undefined && (NETWORK_CODES.has(code) || UNAVAILABLE_STATE.test(code))) return 'unavailable';
  if (error instanceof AggregateError && error.errors.some((inner) => replicaFailure(inner) === 'unavailable')) return 'unavailable';
  if (code === undefined && error instanceof Error && CLIENT_MESSAGES.test(error.message)) return 'unavailable';
  return undefined;
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Since when the figures a read on `db` sees are current. On a primary: now. On a standby that
 * has replayed everything it received while it is connected to its primary: now too (streaming
 * keeps it within about a second). Otherwise (replay behind or paused, or no connection to the
 * primary): the commit time of the last transaction it replayed, which is how old its figures
 * may be. Null when a standby has replayed no transaction since it started.
 */
export async function figuresCurrentAt(db: Database): Promise<string | null> {
  const result = await sql<{ at: Date | string | null }>`
    select case
      when not pg_is_in_recovery() then now()
      when pg_last_wal_replay_lsn() >= pg_last_wal_receive_lsn() and exists (select 1 from pg_stat_wal_receiver) then now()
      else pg_last_xact_replay_timestamp()
    end as at`.execute(db);
  const at = result.rows[0]?.at ?? null;
  return at === null ? null : new Date(at).toISOString();
}
