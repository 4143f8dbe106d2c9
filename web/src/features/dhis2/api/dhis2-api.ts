import { apiFetch } from '../../../lib/api';
import { uploadFile } from '../../../lib/upload';

/** The shapes of /api/dhis2 (src/modules/reports/dhis2/dhis2-mapping.schema.ts). */
interface Stamp { updatedAt: string | null; updatedBy: string | null }
export interface IndicatorLine extends Stamp { code: string; name: string; dataElement: string | null; categoryOptionCombo: string | null }
export interface UnitLine extends Stamp { code: string; name: string; orgUnit: string | null }
export interface Mapping { provinceCode: string; indicators: IndicatorLine[]; units: UnitLine[] }

interface Call { language: string; signal?: AbortSignal }
interface Write { language: string; csrfToken: string }

/** DHIS2's identifiers: 11 letters and digits, a letter first (checked again by the server). */
export const DHIS2_UID = /^[A-Za-z][A-Za-z0-9]{10}$/;

export const fetchMapping = (call: Call) => apiFetch<Mapping>('/api/dhis2/mapping', call);
export const MAPPING_CSV_URL = '/api/dhis2/mapping.csv';
export const saveLine = (kind: 'indicator' | 'unit', code: string, body: { uid: string; categoryOptionCombo?: string | null }, { language, csrfToken }: Write) =>
  apiFetch<void>(`/api/dhis2/mapping/${kind}/${encodeURIComponent(code)}`, { method: 'PUT', body, language, csrfToken });
export const removeLine = (kind: 'indicator' | 'unit', code: string, { language, csrfToken }: Write) =>
  apiFetch<void>(`/api/dhis2/mapping/${kind}/${encodeURIComponent(code)}`, { method: 'DELETE', language, csrfToken });
export const importMapping = (file: Blob, write: Write) => uploadFile<{ lines: number }>('/api/dhis2/mapping/import', file, 'text/csv', write);
