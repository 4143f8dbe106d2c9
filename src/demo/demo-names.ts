import { pick } from '../lib/seeded-random.js';

/**
 * Place names in the style of the Central Highlands and the coast: Ê Đê and M'nông words
 * beside Sino-Vietnamese ones. Invented combinations, not the real units.
 */
const HIGHLAND_FIRST = ['Ea', 'Krông', 'Cư', 'Đắk', 'Buôn', 'Yang', 'Ia', 'Chư'];
const HIGHLAND_SECOND = ['Kar', 'Pắc', 'Mgar', 'Súp', 'Nông', 'Hleo', 'Bông', 'Drăng', 'Knốp', 'Ana', 'Mta', 'Wer', 'Tul', 'Sar', 'Kly', 'Pơng'];
const LOWLAND_FIRST = ['Hòa', 'Tân', 'Phú', 'An', 'Bình', 'Xuân', 'Sơn', 'Đông', 'Tây', 'Nam', 'Bắc', 'Vĩnh', 'Phước', 'Thạnh'];
const LOWLAND_SECOND = ['Thành', 'Lộc', 'Hiệp', 'Mỹ', 'Quang', 'Long', 'Thịnh', 'Hưng', 'Lợi', 'Định', 'Hải', 'Xuân', 'An', 'Hòa', 'Phong', 'Tiến'];

export function placeName(random: () => number, used: Set<string>, highland: boolean): string {
  for (let attempt = 0; ; attempt++) {
    const name = highland
      ? `${pick(random, HIGHLAND_FIRST)} ${pick(random, HIGHLAND_SECOND)}`
      : `${pick(random, LOWLAND_FIRST)} ${pick(random, LOWLAND_SECOND)}`;
    const unique = attempt < 20 ? name : `${name} ${attempt}`;
    if (!used.has(unique)) {
      used.add(unique);
      return unique;
    }
  }
}

export function villageName(random: () => number, index: number, ward: boolean, highland: boolean): { name: string; type: string } {
  if (ward) return index % 3 === 0 ? { name: `Khu phố ${index}`, type: 'khu phố' } : { name: `Tổ dân phố ${index}`, type: 'tổ dân phố' };
  if (highland && random() < 0.45) return { name: `Buôn ${pick(random, HIGHLAND_SECOND)} ${index}`, type: 'buôn' };
  return { name: `Thôn ${index}`, type: 'thôn' };
}
