import type { Database } from '../../db/database.js';
import { AppError, type RowError } from '../../errors.js';
import type { Viewer } from '../../http/access.js';
import { translate, type Language } from '../../i18n/index.js';
import { readSpreadsheet, type SpreadsheetFormat } from '../../lib/xlsx.js';
import type { MemberOutcome, TeamImportSummary } from './team-import-apply.js';
import { importTeams, MAX_IMPORT_ROWS, TEAM_IMPORT_COLUMNS } from './team-imports.js';

export interface PreviewRow {
  line: number;
  villageCode: string;
  teamName: string;
  fullName: string;
  role: string;
  /** What the row would do; null when the file is refused (nothing would be written). */
  outcome: MemberOutcome | null;
  errors: { field: string | null; message: string }[];
}

export interface TeamImportPreview {
  rows: PreviewRow[];
  /** What importing the file would change, or null when a row is refused. */
  summary: TeamImportSummary | null;
  /** Reasons that belong to the file rather than a row (a missing column, a bad encoding). */
  fileErrors: { field: string | null; message: string }[];
}

class Rehearsed extends Error {
  constructor(readonly summary: TeamImportSummary) {
    super('rehearsed');
  }
}

/**
 * Every row of a team file and what it would do, or why it is refused, before anything is
 * written: the import itself runs inside a transaction that is then rolled back, so the preview
 * and the import never disagree.
 */
export async function previewTeamImport(
  db: Database, viewer: Viewer | null, file: Buffer, format: SpreadsheetFormat, day: string, lang: Language,
): Promise<TeamImportPreview> {
  const outcomes = new Map<number, MemberOutcome>();
  let summary: TeamImportSummary | null = null;
  let refused: RowError[] = [];
  try {
    await db.transaction().execute(async (trx) => {
      throw new Rehearsed(await importTeams(trx, viewer, file, format, day, outcomes));
    });
  } catch (error) {
    if (error instanceof Rehearsed) summary = error.summary;
    else if (error instanceof AppError && error.code === 'IMPORT_INVALID' && error.rows) refused = error.rows;
    else throw error;
  }
  const message = (e: RowError) => ({ field: e.field ?? null, message: translate(lang, `row.${e.reason}`, e.params) });
  let rows: PreviewRow[] = [];
  const lines = new Set<number>();
  try {
    const sheet = await readSpreadsheet(file, format, TEAM_IMPORT_COLUMNS);
    rows = sheet.rows.slice(0, MAX_IMPORT_ROWS).map((row) => {
      lines.add(row.line);
      return {
        line: row.line,
        villageCode: row.values.village_code ?? '',
        teamName: row.values.team_name ?? '',
        fullName: row.values.member_name ?? '',
        role: row.values.role ?? '',
        outcome: summary ? outcomes.get(row.line) ?? null : null,
        errors: refused.filter((e) => e.row === row.line).map(message),
      };
    });
  } catch {
    // An unreadable file has no rows to show; its reason is among the file's errors.
  }
  return { rows, summary, fileErrors: refused.filter((e) => !lines.has(e.row)).map(message) };
}
