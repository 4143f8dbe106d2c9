import type { CommitteeRole, TeamAffiliation } from '../../db/types.js';

/**
 * The closed vocabularies of teams and committees, and how the words people type in a commune's
 * spreadsheet map onto them. Matching ignores case, diacritics and spacing, so "Trưởng thôn",
 * "truong thon" and "TRƯỞNG  THÔN" all read as `village_head`.
 */
export const AFFILIATIONS = ['village_head', 'youth_union', 'womens_union', 'teacher', 'commune_police', 'telecom', 'resident', 'other'] as const satisfies readonly TeamAffiliation[];
export const TEAM_ROLES = ['leader', 'member'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];
export const COMMITTEE_ROLES = ['chair', 'deputy', 'member'] as const satisfies readonly CommitteeRole[];

/** Lower case, no diacritics (đ → d), single spaces: the key spreadsheet words are matched on. */
export function foldWord(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[\s_]+/g, ' ')
    .trim();
}

const AFFILIATION_WORDS: Record<TeamAffiliation, readonly string[]> = {
  village_head: [
    'village head', 'trưởng thôn', 'trưởng buôn', 'trưởng bản', 'trưởng ấp', 'trưởng làng', 'trưởng xóm',
    'trưởng khu phố', 'tổ trưởng tổ dân phố', 'trưởng tổ dân phố', 'trưởng khối', 'già làng',
  ],
  youth_union: ['youth union', 'đoàn thanh niên', 'đoàn tn', 'đoàn viên', 'bí thư chi đoàn', 'chi đoàn', 'thanh niên'],
  womens_union: ['womens union', "women's union", 'hội phụ nữ', 'hội lhpn', 'hội liên hiệp phụ nữ', 'chi hội phụ nữ', 'phụ nữ'],
  teacher: ['giáo viên', 'thầy giáo', 'cô giáo'],
  commune_police: ['commune police', 'công an xã', 'công an phường', 'công an', 'công an viên'],
  telecom: ['viễn thông', 'nhân viên viễn thông', 'nhà mạng', 'bưu điện', 'viettel', 'vnpt', 'mobifone'],
  resident: ['người dân', 'hộ dân', 'dân cư'],
  other: ['khác'],
};

const ROLE_WORDS: Record<TeamRole, readonly string[]> = {
  leader: ['tổ trưởng', 'trưởng tổ', 'trưởng'],
  // A deputy ("tổ phó") is a member here: the model knows one leader and members.
  member: ['tổ viên', 'thành viên', 'tổ phó', 'phó tổ trưởng'],
};

function lookup<K extends string>(table: Record<K, readonly string[]>): Map<string, K> {
  const map = new Map<string, K>();
  for (const [key, words] of Object.entries(table) as [K, readonly string[]][]) {
    map.set(foldWord(key), key);
    for (const word of words) map.set(foldWord(word), key);
  }
  return map;
}

const affiliationByWord = lookup(AFFILIATION_WORDS);
const roleByWord = lookup(ROLE_WORDS);

export function parseAffiliation(value: string): TeamAffiliation | undefined {
  return affiliationByWord.get(foldWord(value));
}

export function parseTeamRole(value: string): TeamRole | undefined {
  return roleByWord.get(foldWord(value));
}

/** A person's name as stored: NFC, single spaces. */
export function cleanName(value: string): string {
  return value.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** The key two spellings of one member's name share ("Nguyễn  Văn An" and "nguyễn văn an"). */
export function memberKey(fullName: string): string {
  return cleanName(fullName).toLocaleLowerCase('vi');
}

/**
 * A Vietnamese phone number in its national form (0 and 9 or 10 digits), or undefined. Spaces,
 * dots, dashes and brackets are dropped; +84/84 becomes 0; a number that lost its leading zero
 * in a spreadsheet's number cell (905123456) gets it back.
 */
export function normalisePhone(value: string): string | undefined {
  let digits = value.replace(/[\s.\-()]/g, '');
  if (digits.startsWith('+84')) digits = `0${digits.slice(3)}`;
  else if (/^84\d{9,10}$/.test(digits)) digits = `0${digits.slice(2)}`;
  else if (/^[1-9]\d{8}$/.test(digits)) digits = `0${digits}`;
  return /^0\d{9,10}$/.test(digits) ? digits : undefined;
}
