import { describe, expect, it } from 'vitest';
import type { Database } from './database.js';
import { RecentEntries } from './recent-entries.js';

// The entries are keyed by the database object alone; no query is sent.
const aDatabase = () => ({}) as Database;

describe('RecentEntries', () => {
  it('drops the least recently used entry once over capacity, a taken and kept entry counting as used', () => {
    const db = aDatabase();
    const entries = new RecentEntries<number>(2);
    entries.keep(db, 'a', 1);
    entries.keep(db, 'b', 2);
    entries.keep(db, 'a', entries.take(db, 'a')!);
    entries.keep(db, 'c', 3);
    expect(entries.take(db, 'b')).toBeUndefined();
    expect(entries.take(db, 'a')).toBe(1);
    expect(entries.take(db, 'c')).toBe(3);
  });

  it('keeps each database apart', () => {
    const one = aDatabase();
    const other = aDatabase();
    const entries = new RecentEntries<string>(4);
    entries.keep(one, 'k', 'one');
    entries.keep(other, 'k', 'other');
    expect(entries.take(one, 'k')).toBe('one');
    expect(entries.take(other, 'k')).toBe('other');
  });

  it('takes an entry out until it is kept again', () => {
    const db = aDatabase();
    const entries = new RecentEntries<string>(4);
    entries.keep(db, 'k', 'v');
    expect(entries.take(db, 'k')).toBe('v');
    expect(entries.take(db, 'k')).toBeUndefined();
  });

  it('forgets an entry only while it is the one kept', () => {
    const db = aDatabase();
    const entries = new RecentEntries<{ n: number }>(4);
    const first = { n: 1 };
    const second = { n: 2 };
    entries.keep(db, 'k', first);
    entries.keep(db, 'k', second);
    entries.forget(db, 'k', first);
    expect(entries.take(db, 'k')).toBe(second);
    entries.keep(db, 'k', second);
    entries.forget(db, 'k', second);
    expect(entries.take(db, 'k')).toBeUndefined();
  });
});
