import type { Database } from './database.js';

/**
 * Entries kept per database, the least recently used dropped first once `capacity` is reached:
 * what the server's caches of derived answers share. A Map keeps insertion order, so taking an
 * entry out and putting it back makes it the most recent.
 */
export class RecentEntries<E> {
  private readonly byDatabase = new WeakMap<Database, Map<string, E>>();

  constructor(private readonly capacity: number) {}

  /** The entry under `key`, taken out: put it back with `keep` if it still holds. */
  take(db: Database, key: string): E | undefined {
    const entries = this.byDatabase.get(db);
    const entry = entries?.get(key);
    entries?.delete(key);
    return entry;
  }

  keep(db: Database, key: string, entry: E): void {
    let entries = this.byDatabase.get(db);
    if (!entries) {
      entries = new Map();
      this.byDatabase.set(db, entries);
    }
    entries.delete(key);
    entries.set(key, entry);
    if (entries.size > this.capacity) entries.delete(entries.keys().next().value!);
  }

  /** Drops `key` if it still holds `entry` (a later one is left alone). */
  forget(db: Database, key: string, entry: E): void {
    const entries = this.byDatabase.get(db);
    if (entries?.get(key) === entry) entries.delete(key);
  }
}
