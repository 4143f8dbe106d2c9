import type { UnitTier } from '../../db/types.js';

/**
 * Official unit types (as written in the national list) and the tier each belongs to. The
 * tree may be of any depth; tiers tell which unit is a province, a commune-level unit or a
 * village-level group, whatever it is called locally.
 */
export const UNIT_TYPES: Record<string, UnitTier> = {
  'tỉnh': 'province',
  'thành phố trung ương': 'province',
  'xã': 'commune',
  'phường': 'commune',
  'đặc khu': 'commune',
  'thôn': 'village',
  'buôn': 'village',
  'ấp': 'village',
  'bản': 'village',
  'bon': 'village',
  'plei': 'village',
  'làng': 'village',
  'xóm': 'village',
  'sóc': 'village',
  'khóm': 'village',
  'khu phố': 'village',
  'tổ dân phố': 'village',
  'tổ dân cư': 'village',
  'khu dân cư': 'village',
};

const TIER_RANK: Record<UnitTier, number> = { province: 0, commune: 1, village: 2 };

export function tierOf(type: string): UnitTier | undefined {
  return UNIT_TYPES[type.trim().toLowerCase()];
}

/**
 * A province stands at the root; a commune sits under a province; village-level groups sit
 * under a commune or, where a locality groups them further, under another village-level group.
 */
export function canBeChildOf(child: UnitTier, parent: UnitTier | null): boolean {
  if (parent === null) return child === 'province';
  if (child === 'village') return parent !== 'province';
  return TIER_RANK[child] === TIER_RANK[parent] + 1;
}

/** Official codes are numeric and zero-padded: 2 digits for a province, 5 for a commune. */
export function normaliseOfficialCode(raw: string, tier: 'province' | 'commune'): string | undefined {
  const trimmed = raw.trim();
  if (!/^\d{1,5}$/.test(trimmed)) return undefined;
  const width = tier === 'province' ? 2 : 5;
  return trimmed.length > width ? undefined : trimmed.padStart(width, '0');
}
