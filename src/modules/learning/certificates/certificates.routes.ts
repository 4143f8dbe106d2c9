import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Database } from '../../../db/database.js';
import { inTransaction } from '../../../db/transaction.js';
import { OFFICERS, type Viewer } from '../../../http/access.js';
import { publicBase } from '../../../http/public-base.js';
import { learnerOf } from '../learners.service.js';
import { attachment } from '../../reports/reports.public.js';
import { getUnit } from '../../units/units.service.js';
import { certificatePdf, displayCode } from './certificate-pdf.js';
import { signCredential } from './credential.js';
import * as s from './certificates.schema.js';
import {
  checkCertificate, listCertificatesInUnit, listOwnCertificates, ownCertificate, revokeCertificateByCode, viewOf,
} from './certificates.service.js';
import { publicKeySet } from './signing-key.js';

const tags = ['certificates'];
const ErrorBody = Type.Object({ error: Type.Object({ code: Type.String(), message: Type.String() }, { additionalProperties: true }) });
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** The resident records linked to the caller's account, whose certificates are theirs too. */
async function ownResidents(db: Database, viewer: Viewer): Promise<string[]> {
  if (!viewer.scopeUnitCode) return [];
  const learner = await learnerOf(db, viewer);
  return learner.residentId ? [learner.residentId] : [];
}

/** The public check, officers' list and revocation, the learner's own certificates and downloads. */
export const certificateRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database;
  const base = publicBase(app.config);

  app.get('/certificates/:code', {
    // Anyone may check a code, but not walk the code space.
    config: { access: 'public', personalData: { published: true }, rateLimit: { max: 60, timeWindow: '1 minute' } },
    schema: { tags, summary: 'Check a certificate by its code: valid, revoked with the reason, or unknown', params: s.CodeParams, response: { 200: s.CheckResult } },
  }, async (request) => checkCertificate(db, request.params.code, request.lang));

  app.get('/certificates/issuer/:province', {
    config: { access: 'public' },
    schema: { tags, summary: 'The issuer profile of a province\'s credentials', params: s.ProvinceParams, response: { 200: Type.Record(Type.String(), Type.Unknown()), ...errors } },
  }, async (request) => {
    const unit = await getUnit(db, request.params.province);
    return { '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
      id: `${base}/api/certificates/issuer/${unit.code}`, type: ['Profile'], name: unit.name, url: base };
  });

  app.get('/certificates', {
    config: { access: OFFICERS, personalData: { auditedBy: 'service' } },
    schema: { tags, summary: 'Certificates issued in a unit and below, newest first', querystring: s.UnitQuery, response: { 200: s.UnitPage, ...errors } },
  }, async (request) => listCertificatesInUnit(db, request.viewer!, request.query));

  app.post('/certificates/:code/revoke', {
    config: { access: OFFICERS, personalData: { auditedBy: 'service' } },
    schema: { tags, summary: 'Revoke a certificate with the reason anyone checking it will read', params: s.CodeParams, body: s.RevokeBody, response: { 200: s.CertificateSummary, ...errors } },
  }, async (request) => inTransaction(db, (trx) => revokeCertificateByCode(trx, request.viewer!, request.params.code, request.body.reason)));

  app.get('/me/certificates', {
    config: { access: 'authenticated', personalData: { own: true } },
    schema: { tags, summary: 'My certificates', response: { 200: s.OwnList } },
  }, async (request) => ({ items: await listOwnCertificates(db, request.viewer!, await ownResidents(db, request.viewer!)) }));

  app.get('/me/certificates/:code/pdf', {
    config: { access: 'authenticated', personalData: { own: true } },
    schema: { tags, summary: 'My certificate as a PDF to print or share', params: s.CodeParams, response: { 200: s.FileResponse('application/pdf'), ...errors } },
  }, async (request, reply) => {
    const row = await ownCertificate(db, request.viewer!, request.params.code, await ownResidents(db, request.viewer!));
    const pdf = await certificatePdf(await viewOf(db, row, 'vi'), base);
    return reply.header('content-disposition', attachment(`chung-nhan-${displayCode(row.code)}.pdf`)).type('application/pdf').send(pdf);
  });

  app.get('/me/certificates/:code/credential', {
    config: { access: 'authenticated', personalData: { own: true } },
    schema: { tags, summary: 'My certificate as an Open Badges 3.0 credential (VC-JWT) for a wallet', params: s.CodeParams, response: { 200: s.FileResponse('application/vc+jwt'), ...errors } },
  }, async (request, reply) => {
    const row = await ownCertificate(db, request.viewer!, request.params.code, await ownResidents(db, request.viewer!));
    const jwt = await signCredential(db, await viewOf(db, row, 'vi'), base);
    return reply.header('content-disposition', attachment(`chung-nhan-${displayCode(row.code)}.jwt`)).type('application/vc+jwt').send(jwt);
  });
};

/** The province's public keys, where verifiers look for them. */
export const jwksRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/.well-known/jwks.json', {
    schema: { tags, summary: 'Public keys that verify Doorstep\'s credentials (JWK set)', response: { 200: s.JwkSet } },
  }, async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=300');
    return publicKeySet(app.database.db);
  });
};
