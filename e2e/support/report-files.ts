import ExcelJS from 'exceljs';

/** One line of the report's summary sheet: No., indicator, explanation, unit, target, result, % achieved, status, code. */
export interface SummaryRow {
  no: number;
  name: string;
  explanation: string;
  unitLabel: string;
  target: number | null;
  result: number | null;
  achieved: number | null;
  status: string;
  code: string;
}

export interface SummarySheet {
  name: string;
  /** The title lines above the table (rows 1–3). */
  titles: string[];
  headers: string[];
  rows: SummaryRow[];
}

const numberOrNull = (value: ExcelJS.CellValue) => (typeof value === 'number' ? value : null);

/** Reads the first sheet of a downloaded report the way Excel shows it: header on row 5, one indicator a row below. */
export async function readSummarySheet(file: Buffer): Promise<SummarySheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0]!;
  const text = (value: ExcelJS.CellValue) => (value === null || value === undefined ? '' : String(value));
  const rows: SummaryRow[] = [];
  sheet.eachRow((row, number) => {
    if (number <= 5) return;
    const cells = row.values as ExcelJS.CellValue[];
    rows.push({
      no: Number(cells[1]), name: text(cells[2]), explanation: text(cells[3]), unitLabel: text(cells[4]),
      target: numberOrNull(cells[5]), result: numberOrNull(cells[6]), achieved: numberOrNull(cells[7]),
      status: text(cells[8]), code: text(cells[9]),
    });
  });
  return {
    name: sheet.name,
    titles: [1, 2, 3].map((n) => text(sheet.getRow(n).getCell(1).value)),
    headers: (sheet.getRow(5).values as ExcelJS.CellValue[]).slice(1).map(text),
    rows,
  };
}
