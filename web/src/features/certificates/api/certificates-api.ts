import { apiFetch } from '../../../lib/api';

// The shapes of src/modules/learning/certificates/certificates.routes.ts.

export interface CertificateCheck {
  status: 'valid' | 'revoked' | 'unknown';
  code: string;
  holderName?: string;
  skills?: string[];
  achievedOn?: string;
  unitName?: string;
  revokedOn?: string;
  revokedReason?: string;
}

export interface MyCertificate {
  id: string;
  code: string;
  holderName: string;
  skills: string[];
  achievedOn: string;
  source: string;
  unitCode: string;
  issuedAt: string;
  revokedAt: string | null;
  revokedReason: string | null;
}

/** Anyone may check a code; the answer names the holder, skills, date and unit, nothing else. */
export function checkCertificate(code: string, language: string, signal?: AbortSignal): Promise<CertificateCheck> {
  return apiFetch(`/api/certificates/${encodeURIComponent(code)}`, { language, signal });
}

export function fetchMyCertificates(language: string, signal?: AbortSignal): Promise<{ items: MyCertificate[] }> {
  return apiFetch('/api/me/certificates', { language, signal });
}

/** Codes are shown as ABCDE-FGHJK, stored without the dash. */
export const displayCode = (code: string) => (code.length === 10 ? `${code.slice(0, 5)}-${code.slice(5)}` : code);
export const checkLink = (code: string) => `${location.origin}${location.pathname}#/check/${displayCode(code)}`;
export const pdfUrl = (code: string) => `/api/me/certificates/${code}/pdf`;
export const credentialUrl = (code: string) => `/api/me/certificates/${code}/credential`;
