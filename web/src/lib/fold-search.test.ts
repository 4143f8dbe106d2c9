import { describe, expect, it } from 'vitest';
import { fold, foldedWords, FoldedIndex, type SearchableRecord } from './fold-search';

describe('fold', () => {
  it('drops case, diacritics and the five tone marks, and folds đ/Đ to d', () => {
    expect(fold('Niê')).toBe('nie');
    expect(fold('Đặng Thị Hằng')).toBe('dang thi hang');
    expect(fold('Lê Duẩn')).toBe('le duan');
    expect(fold('đường Ngô Quyền')).toBe('duong ngo quyen');
    expect(['à', 'á', 'ả', 'ã', 'ạ', 'ằ', 'ẳ', 'ẵ', 'ặ', 'ầ', 'ẩ', 'ẫ', 'ậ'].map(fold)).toEqual(Array(13).fill('a'));
    expect(fold('ƯỚC Ơ Ừ')).toBe('uoc o u');
    // Text typed in composed or decomposed form folds the same.
    expect(fold('Ê'.normalize('NFD'))).toBe(fold('Ê'.normalize('NFC')));
  });

  it('splits words on spaces, commas and dashes, keeping digits', () => {
    expect(foldedWords('Thôn 3, Buôn Ea-Kmat — số 12')).toEqual(['thon', '3', 'buon', 'ea', 'kmat', 'so', '12']);
  });
});

describe('FoldedIndex', () => {
  const records: SearchableRecord[] = [
    { id: 'r1', name: 'H Lan Niê', address: 'Buôn Ko Sia', idLast4: '1234' },
    { id: 'r2', name: 'Đặng Văn Dũng', address: 'Thôn 2, xã Ea Kao' },
    { id: 'r3', name: 'Lê Duẩn', address: 'đường Lê Lợi' },
    { id: 'r4', name: 'Lê Thị Duẩn Anh', address: 'Thôn 3' },
    { id: 'r5', name: 'Y Bih Niê Kdăm', address: 'Buôn Đắk Nia', idLast4: '5678' },
    { id: 'h1', name: 'Hộ số 7', alsoNames: ['Nguyễn Văn An'], address: 'Thôn 2' },
  ];
  const index = new FoldedIndex(records);
  const ids = (query: string) => index.search(query).map((h) => h.id);

  it('finds names typed without tone marks or diacritics', () => {
    expect(ids('nie')).toEqual(expect.arrayContaining(['r1', 'r5']));
    expect(ids('dang')).toEqual(['r2']);
    expect(ids('DANG VAN')).toEqual(['r2']);
    expect(ids('le duan')[0]).toBe('r3');
    expect(ids('le duan')).toContain('r4');
  });

  it('ranks a whole name above a name that only contains the words, and names above addresses', () => {
    expect(ids('le duan')).toEqual(['r3', 'r4']);
    // "nia" is only in r5's address, "nie" in two names: the address match alone comes after names.
    expect(ids('ni')).toEqual(['r1', 'r5']);
    expect(ids('le')).toEqual(['r3', 'r4']);
  });

  it('finds addresses and the last 4 ID digits, and other names of a household', () => {
    expect(ids('buon dak')).toEqual(['r5']);
    expect(ids('thon 2')).toEqual(['r2', 'h1']);
    expect(ids('1234')).toEqual(['r1']);
    expect(ids('5678')).toEqual(['r5']);
    expect(ids('nguyen an')).toEqual(['h1']);
  });

  it('needs every word of the query and finds nothing for an empty query', () => {
    expect(ids('dang nie')).toEqual([]);
    expect(ids('  ')).toEqual([]);
    expect(ids('xyz')).toEqual([]);
  });

  it('answers right on 10,000 records, and reports how long the index and a query take', () => {
    const family = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Đặng', 'Niê', 'Ksor', 'Hoàng', 'Bùi', 'Võ'];
    const middle = ['Văn', 'Thị', 'H', 'Y', 'Đức', 'Minh'];
    const given = ['An', 'Bình', 'Dũng', 'Hằng', 'Lan', 'Duẩn', 'Bih', 'Nga', 'Phúc', 'Yến', 'Khánh'];
    const many: SearchableRecord[] = Array.from({ length: 10_000 }, (_, i) => ({
      id: `p${i}`, name: `${family[i % 10]} ${middle[i % 6]} ${given[i % 11]}`, address: `Thôn ${i % 40}, Buôn Ea Tul`, idLast4: String(i).padStart(4, '0'),
    }));
    const built = performance.now();
    const big = new FoldedIndex(many);
    const buildMs = performance.now() - built;
    const queries = ['dang', 'le duan', 'nie h lan', 'thon 12', '0420', 'nguyen van an', 'd', 'ksor y bih'];
    big.search('warm up');
    const asked = performance.now();
    const found = queries.map((q) => big.search(q));
    const perQueryMs = (performance.now() - asked) / queries.length;
    expect(found[0]!.length).toBeGreaterThan(0);
    expect(found[4]!.map((h) => h.id)).toEqual(['p420']);
    console.info(`fold-search on 10,000 records: index built in ${buildMs.toFixed(1)} ms, ${perQueryMs.toFixed(2)} ms per query`);
    expect(found[1]!.length).toBeGreaterThan(0);
    expect(found[1]!.every((h) => /^p/.test(h.id))).toBe(true);
    expect(big.size).toBe(10_000);
    // Timings are reported, not asserted: a shared test machine is no phone (see docs/decisions.md).
  });
});
