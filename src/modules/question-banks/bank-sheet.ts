import type { RowError } from '../../errors.js';
import type { CsvRow } from '../../lib/csv.js';
import { loadExcelJs, readSpreadsheet, type SpreadsheetFormat } from '../../lib/xlsx.js';
import { checkDraft, OPTION_LETTERS, type DraftQuestion, type ParsedBank } from './bank-question.js';

/** The columns of a bank spreadsheet, the same words the export writes. */
export const BANK_COLUMNS = ['question', 'option_a', 'option_b', 'option_c', 'option_d', 'answer', 'topic'] as const;
const REQUIRED = BANK_COLUMNS.filter((c) => c !== 'topic');
const OPTION_COLUMNS = ['option_a', 'option_b', 'option_c', 'option_d'] as const;

function draftOf(row: CsvRow, errors: RowError[]): DraftQuestion | undefined {
  const value = (column: string) => (row.values[column] ?? '').trim();
  const missing = REQUIRED.filter((column) => value(column) === '');
  for (const column of missing) errors.push({ row: row.line, field: column, reason: 'MISSING_VALUE', params: { column } });
  if (missing.length > 0) return undefined;
  const answer = value('answer').toUpperCase();
  const correct = (OPTION_LETTERS as readonly string[]).indexOf(answer);
  if (correct < 0) {
    errors.push({ row: row.line, field: 'answer', reason: 'QUESTION_BAD_ANSWER', params: { value: value('answer') } });
    return undefined;
  }
  return { line: row.line, topic: value('topic'), text: value('question'), options: OPTION_COLUMNS.map(value), correct };
}

/** A bank from an XLSX workbook (or CSV): one question per row, answer A–D, topic optional. */
export async function parseBankSheet(input: Buffer, format: SpreadsheetFormat): Promise<ParsedBank> {
  const { rows } = await readSpreadsheet(input, format, REQUIRED);
  const questions: DraftQuestion[] = [];
  const errors: RowError[] = [];
  for (const row of rows) {
    const draft = draftOf(row, errors);
    if (draft && checkDraft(draft, errors)) questions.push(draft);
  }
  return { questions, errors };
}

/** The bank as a workbook an officer can edit and import again. */
export async function writeBankXlsx(questions: readonly Omit<DraftQuestion, 'line'>[]): Promise<Buffer> {
  const workbook = new (await loadExcelJs()).Workbook();
  const sheet = workbook.addWorksheet('questions');
  sheet.addRow([...BANK_COLUMNS]);
  for (const q of questions) sheet.addRow([q.text, ...q.options, OPTION_LETTERS[q.correct], q.topic]);
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
