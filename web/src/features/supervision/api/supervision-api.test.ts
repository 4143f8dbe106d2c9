import { expect, test } from 'vitest';
import { auditCsv } from './supervision-api';

test('the audit CSV is what Excel opens safely: BOM, CRLF, quoted cells, formulas defused', () => {
  const csv = auditCsv([
    { id: 2, at: '2026-12-01T10:00:00.000Z', actorUserId: 'u1', action: 'report.export', unitCode: '66', subject: '=HYPERLINK("x")', detail: { format: 'csv', note: 'a,b' } },
  ], ['at', 'action', 'actor', 'unit', 'subject', 'detail']);
  expect(csv.startsWith('\uFEFFat,action,actor,unit,subject,detail\r\n')).toBe(true);
  expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
  expect(csv).toContain('"{""format"":""csv"",""note"":""a,b""}"');
  expect(csv.endsWith('\r\n')).toBe(true);
});
