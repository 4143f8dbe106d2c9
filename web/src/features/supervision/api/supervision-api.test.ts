import { expect, test } from 'vitest';
import { auditExportUrl, auditQuery } from './supervision-api';

test('the audit filters travel as a query of the fields that are set, trimmed and encoded', () => {
  const filters = { action: ' people. ', actor: '', unit: '66001', from: '2026-11-01', to: '' };
  expect(auditQuery(filters)).toBe('action=people.&unit=66001&from=2026-11-01');
  expect(auditExportUrl(filters)).toBe('/api/audit/export?action=people.&unit=66001&from=2026-11-01');
  expect(auditExportUrl({ action: '', actor: 'cán bộ&x', unit: '', from: '', to: '' })).toBe('/api/audit/export?actor=c%C3%A1n+b%E1%BB%99%26x');
  expect(auditExportUrl({ action: '', actor: '', unit: '', from: '', to: '' })).toBe('/api/audit/export');
});
