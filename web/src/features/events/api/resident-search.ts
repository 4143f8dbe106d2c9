import { db, type CachedResident } from '../../../lib/db';
import { fold } from '../../../lib/fold-search';
import { useLiveQuery } from '../../../lib/live-query';

/** Residents of the village on the phone whose name holds the typed words (2 letters at least), 20 at most. */
export function useResidentSearch(search: string): CachedResident[] {
  return useLiveQuery(async () => {
    const words = fold(search.trim());
    if (words.length < 2) return [];
    return db.residents.filter((r) => r.status !== 'merged' && fold(r.fullName).includes(words)).limit(20).toArray();
  }, [search]) ?? [];
}
