/**
 * Search the way people type on a phone: without tone marks or diacritics, in any case, a
 * word at a time. `nie` finds "Niê", `dang` finds "Đặng", `le duan` finds "Lê Duẩn".
 */

/** Lower case without diacritics or tone marks; đ/Đ become d (NFD does not split them). */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/** The folded words of a text: letters and digits, everything else a separator. */
export function foldedWords(text: string): string[] {
  return fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** One searchable record: its id, what it is called, where it is, and the last 4 ID digits. */
export interface SearchableRecord {
  id: string;
  name: string;
  /** Other names that find it (a household's head, its people), ranked below its own name. */
  alsoNames?: readonly string[];
  address?: string | null;
  idLast4?: string | null;
}

/** Folded words joined with a space before and after each, so a word test is one native `includes`. */
interface Entry {
  id: string;
  name: string;
  also: string;
  address: string;
  idLast4: string | null;
  /** Folded name without the outer spaces, for "the whole query in order" matches. */
  nameText: string;
}

const spaced = (words: readonly string[]) => (words.length === 0 ? '' : ` ${words.join(' ')} `);

export interface SearchHit {
  id: string;
  score: number;
}

/**
 * An index kept in memory, built once per copy of the village (10,000 records fold in tens of
 * milliseconds) and asked on every key press: a query is a scan of short word arrays, with no
 * allocation per record.
 */
export class FoldedIndex {
  private readonly entries: Entry[];

  constructor(records: readonly SearchableRecord[]) {
    this.entries = records.map((r) => {
      const name = foldedWords(r.name);
      return {
        id: r.id, name: spaced(name), also: spaced((r.alsoNames ?? []).flatMap(foldedWords)), address: spaced(foldedWords(r.address ?? '')),
        idLast4: r.idLast4 ?? null, nameText: name.join(' '),
      };
    });
  }

  get size(): number {
    return this.entries.length;
  }

  /**
   * Records where every word of the query starts a word of the record (or, for 4 digits, equals
   * the last 4 ID digits), best first: a whole name, then words of the name, then other names,
   * then the address; whole words before beginnings of words. Ties keep the given order.
   */
  search(query: string, limit = 50): SearchHit[] {
    const words = foldedWords(query);
    if (words.length === 0) return [];
    const phrase = words.join(' ');
    const probes = words.map((word) => ({ word, whole: ` ${word} `, start: ` ${word}`, digits: DIGITS4.test(word) }));
    const hits: SearchHit[] = [];
    for (const entry of this.entries) {
      let score = 0;
      let all = true;
      for (const probe of probes) {
        const s = wordScore(entry, probe);
        if (s === 0) { all = false; break; }
        score += s;
      }
      if (!all) continue;
      if (entry.nameText === phrase) score += 100;
      else if (entry.nameText.startsWith(phrase) || entry.nameText.endsWith(phrase)) score += 40;
      hits.push({ id: entry.id, score });
    }
    // Stable: equal scores keep the order the records were given in.
    return hits.sort((a, b) => b.score - a.score).slice(0, limit);
  }
}

const DIGITS4 = /^\d{4}$/;

interface Probe {
  word: string;
  whole: string;
  start: string;
  digits: boolean;
}

function wordScore(entry: Entry, probe: Probe): number {
  if (probe.digits && entry.idLast4 === probe.word) return 30;
  if (entry.name.includes(probe.whole)) return 20;
  if (entry.name.includes(probe.start)) return 12;
  if (entry.also.includes(probe.whole)) return 10;
  if (entry.address.includes(probe.whole)) return 8;
  if (entry.also.includes(probe.start)) return 6;
  if (entry.address.includes(probe.start)) return 4;
  return 0;
}
