import { describe, expect, it } from 'vitest';
import { memberKey, normalisePhone, parseAffiliation, parseTeamRole } from './team-labels.js';

describe('spreadsheet words', () => {
  it('reads affiliations written in Vietnamese, with or without diacritics, or as codes', () => {
    const read = (words: string[]) => words.map(parseAffiliation);
    expect(read(['Trưởng thôn', 'Đoàn thanh niên', 'Hội phụ nữ', 'Giáo viên', 'Công an xã', 'Viễn thông', 'Người dân', 'Khác']))
      .toEqual(['village_head', 'youth_union', 'womens_union', 'teacher', 'commune_police', 'telecom', 'resident', 'other']);
    expect(read(['TRƯỞNG  THÔN', 'truong buon', 'doan thanh nien', 'womens_union', 'Công an phường'])).toEqual(['village_head', 'village_head', 'youth_union', 'womens_union', 'commune_police']);
    expect(parseAffiliation('Hội nông dân')).toBeUndefined();
  });

  it('reads roles; a deputy is a member', () => {
    expect(['Tổ trưởng', 'leader', 'Tổ viên', 'thanh vien', 'Tổ phó', 'member'].map(parseTeamRole)).toEqual(['leader', 'leader', 'member', 'member', 'member', 'member']);
    expect(parseTeamRole('chủ tịch')).toBeUndefined();
  });

  it('normalises phone numbers to the national form and refuses the rest', () => {
    expect(['0905 123 456', '0905.123.456', '+84 905-123-456', '84905123456', '905123456', '02623 812 345'].map(normalisePhone))
      .toEqual(['0905123456', '0905123456', '0905123456', '0905123456', '0905123456', '02623812345']);
    expect(['12345', '0905 123', 'abc', '+1 202 555 0100'].map(normalisePhone)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('matches one person\'s name however it is spaced or cased', () => {
    expect(memberKey('  Nguyễn   VĂN An ')).toBe(memberKey('nguyễn văn an'));
    expect(memberKey('Nguyễn Văn An')).not.toBe(memberKey('Nguyen Van An'));
  });
});
