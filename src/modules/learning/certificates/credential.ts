import { SignJWT } from 'jose';
import type { Database } from '../../../db/database.js';
import { ALGORITHM, keyInUse } from './signing-key.js';

/** What a certificate says, as the credential and the PDF show it. */
export interface CertificateView {
  id: string;
  code: string;
  holderName: string;
  skills: { code: string; name: string }[];
  achievedOn: string;
  issuedAt: Date;
  unitName: string;
  provinceCode: string;
  provinceName: string;
}

/** Where the public reads a certificate: the web app's check page. */
export const checkPageUrl = (base: string, code: string) => `${base}/#/check/${code}`;
export const certificateUrl = (base: string, code: string) => `${base}/api/certificates/${code}`;

/**
 * The certificate as an Open Badges 3.0 `OpenBadgeCredential` (a W3C Verifiable Credential).
 * The holder is named by an unhashed name identifier (the paper certificate carries the name as
 * well) and nothing else about them: no ID number, no birth year.
 */
export function openBadgeCredential(view: CertificateView, base: string): Record<string, unknown> {
  const issued = view.issuedAt.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const skillList = view.skills.map((s) => s.name).join('; ');
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: certificateUrl(base, view.code),
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: `${base}/api/certificates/issuer/${view.provinceCode}`, type: ['Profile'], name: view.provinceName, url: base },
    name: 'Chứng nhận kỹ năng số cơ bản — Bình dân học vụ số',
    validFrom: issued,
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [{ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: view.holderName }],
      activityEndDate: `${view.achievedOn}T00:00:00+07:00`,
      achievement: {
        id: `${base}/api/certificates/achievements/basic-digital-skills`,
        type: ['Achievement'],
        achievementType: 'Certificate',
        name: 'Kỹ năng số cơ bản (Basic digital skills)',
        description: `Đã được xác nhận đạt kỹ năng số cơ bản tại ${view.unitName}.`,
        criteria: { narrative: `Xác nhận đạt các kỹ năng: ${skillList}.` },
        tag: view.skills.map((s) => s.code),
      },
    },
  };
}

/**
 * The credential signed as a VC-JWT with the province's key. RS256 signatures are deterministic
 * and every claim comes from the stored certificate, so signing it again yields the same token:
 * it is made on request and never needs storing.
 */
export async function signCredential(db: Database, view: CertificateView, base: string): Promise<string> {
  const { kid, key } = await keyInUse(db);
  const vc = openBadgeCredential(view, base);
  return new SignJWT({ vc })
    .setProtectedHeader({ alg: ALGORITHM, kid, typ: 'JWT' })
    .setIssuer((vc.issuer as { id: string }).id)
    .setJti(vc.id as string)
    .setNotBefore(Math.floor(view.issuedAt.getTime() / 1000))
    .sign(key);
}
