import { uploadFile } from '../../../lib/upload';
import { apiFetch } from '../../../lib/api';

/** The shapes of the units routes (src/modules/units/units.schema.ts). */
export interface Unit {
  code: string;
  name: string;
  type: string;
  tier: 'province' | 'commune' | 'village';
  parentCode: string | null;
  provinceCode: string;
  validFrom: string;
  validTo: string | null;
  successorCode: string | null;
}
export interface FoundUnit extends Unit { parentName: string | null }

export interface UnitHoldings {
  code: string;
  name: string;
  tier: string;
  children: number;
  teams: number;
  teamMembers: number;
  figures: Record<string, number>;
}
export interface OperationPreview { effectiveDate: string; before: UnitHoldings[]; after: Unit[] }

export interface RenameInput { name: string; type?: string; effectiveDate: string }
export interface MoveInput { parentCode: string; effectiveDate: string }
export interface MergeInput { sources: string[]; into: { code: string; name?: string; type?: string }; effectiveDate: string }
export interface SplitInput {
  successors: { code: string; name?: string; type?: string }[];
  children: Record<string, string>;
  factsTo: string;
  effectiveDate: string;
}

/** One reorganisation, addressed the way the API addresses it. */
export type Operation =
  | { kind: 'rename'; code: string; body: RenameInput }
  | { kind: 'move'; code: string; body: MoveInput }
  | { kind: 'merge'; body: MergeInput }
  | { kind: 'split'; code: string; body: SplitInput };

interface Call { language: string; signal?: AbortSignal }
interface Write { language: string; csrfToken: string }
const unitPath = (code: string) => `/api/units/${encodeURIComponent(code)}`;

export const fetchUnit = (code: string, { language, signal }: Call) => apiFetch<Unit>(unitPath(code), { language, signal });

export function fetchChildren(code: string, after: string | null, { language, signal }: Call) {
  const query = new URLSearchParams({ limit: '200' });
  if (after) query.set('after', after);
  return apiFetch<{ items: Unit[]; next: string | null }>(`${unitPath(code)}/children?${query}`, { language, signal });
}

export const searchUnits = (root: string, text: string, { language, signal }: Call) =>
  apiFetch<{ items: FoundUnit[] }>(`${unitPath(root)}/search?${new URLSearchParams({ q: text, limit: '20' })}`, { language, signal }).then((r) => r.items);

const operationPath = (operation: Operation) => (operation.kind === 'merge' ? '/api/units/merge' : `${unitPath(operation.code)}/${operation.kind}`);

/** What the operation would do, rehearsed by the server and rolled back. */
export const previewOperation = (operation: Operation, { language, csrfToken }: Write) =>
  apiFetch<OperationPreview>(`${operationPath(operation)}/preview`, { method: 'POST', body: operation.body, language, csrfToken });

export const applyOperation = (operation: Operation, { language, csrfToken }: Write) =>
  apiFetch<Unit | Unit[]>(operationPath(operation), { method: 'POST', body: operation.body, language, csrfToken });

export type ImportKind = 'official-list' | 'villages' | 'statistics';
export { ImportRefused, type RowProblem } from '../../../lib/upload';

/** Sends a CSV file as it is; the answer is a summary, or the rows that stopped it. */
export function uploadImport(kind: ImportKind, file: Blob, validFrom: string | null, write: Write): Promise<Record<string, number>> {
  const query = kind !== 'statistics' && validFrom ? `?${new URLSearchParams({ validFrom })}` : '';
  return uploadFile<Record<string, number>>(`/api/units/import/${kind}${query}`, file, 'text/csv', write);
}
