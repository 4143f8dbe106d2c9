import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AppError } from '../../errors.js';
import { ErrorResponse } from '../../http/schemas.js';
import { XLSX_MEDIA_TYPE } from '../../lib/xlsx.js';
import { recordAudit } from '../audit-log/audit-log.service.js';
import * as s from './contest.schema.js';
import { checkProvince, createContest, getManagedContest, getPhase, listContestsOfProvince } from './contests.service.js';
import { hashPhone, normalisePhone } from './participants.service.js';
import { exportBank, getBank, importBank, listBanks } from '../question-banks/question-banks.service.js';
import { updateContest } from './contest-edit.service.js';
import { contestSummary } from './contest-summary.service.js';
import { phaseWinners, publishPhase, unitResults } from './results.service.js';
import { suspiciousPatterns } from './suspicious.service.js';

const tags = ['contest-admin'];
const errors = { 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse };
const access = ['province_officer'] as const;
const IMPORT_BODY_LIMIT = 10 * 1024 * 1024;

const EXPORT_TYPES = { xlsx: XLSX_MEDIA_TYPE, aiken: 'text/plain; charset=utf-8', gift: 'text/plain; charset=utf-8' } as const;
const EXPORT_EXTENSIONS = { xlsx: 'xlsx', aiken: 'txt', gift: 'gift.txt' } as const;

/** The organisers' side under /api/contest-admin: banks, contests, results, suspicious patterns. Province officers only. */
export const contestAdminRoutes: FastifyPluginAsyncTypebox<{ secretKey: string }> = async (app, options) => {
  const { db } = app.database;
  // Only keyed hashes of the organisers' phones are kept: they are excluded, never contacted.
  const hashOrganisers = (phones: string[]) => phones.map((phone, i) => {
    const normal = normalisePhone(phone);
    if (!normal) throw new AppError('CONTEST_ORGANISER_PHONE_INVALID', undefined, `organiserPhones[${i}]`);
    return hashPhone(options.secretKey, normal);
  });
  app.addContentTypeParser(XLSX_MEDIA_TYPE, { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  app.post('/banks', {
    bodyLimit: IMPORT_BODY_LIMIT,
    config: { access },
    schema: {
      tags, summary: 'Import a question bank (XLSX, CSV, Aiken or GIFT); all or nothing, with a per-row error report',
      querystring: s.BankImportQuery,
      body: { content: { 'text/plain': { schema: s.TextFile }, 'text/csv': { schema: s.TextFile }, [XLSX_MEDIA_TYPE]: { schema: s.XlsxFile } } },
      response: { 201: s.BankSchema, ...errors },
    },
  }, async (request, reply) => {
    if (!Buffer.isBuffer(request.body)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the file\'s bytes', 'body');
    await checkProvince(db, request.viewer!, request.query.provinceCode);
    const bank = await importBank(db, { ...request.query, body: request.body, actorId: request.viewer!.id });
    return reply.status(201).send(bank);
  });

  app.get('/banks', {
    config: { access },
    schema: { tags, summary: 'Question banks of a province', querystring: s.ProvinceQuery, response: { 200: s.BankList, ...errors } },
  }, async (request) => {
    await checkProvince(db, request.viewer!, request.query.provinceCode);
    return { items: await listBanks(db, request.query.provinceCode) };
  });

  app.get('/banks/:id/export', {
    config: { access },
    schema: { tags, summary: 'A bank in an import format, with the right answers', params: s.IdParams, querystring: s.BankExportQuery, response: { 200: s.FileResponse, ...errors } },
  }, async (request, reply) => {
    const bank = await getBank(db, request.params.id);
    await checkProvince(db, request.viewer!, bank.provinceCode, 'id').catch(() => { throw new AppError('BANK_NOT_FOUND', undefined, 'id'); });
    const { format } = request.query;
    const body = await exportBank(db, bank.id, format);
    return reply.header('content-type', EXPORT_TYPES[format])
      .header('content-disposition', `attachment; filename="bank-${bank.id}.${EXPORT_EXTENSIONS[format]}"`).send(body);
  });

  app.post('/contests', {
    config: { access },
    schema: { tags, summary: 'Create a contest with its phases and rules', body: s.CreateContestBody, response: { 201: s.ContestSchema, ...errors } },
  }, async (request, reply) => {
    const { organiserPhones = [], ...input } = request.body;
    const organiserPhoneHashes = hashOrganisers(organiserPhones);
    return reply.status(201).send(await createContest(db, request.viewer!, { ...input, organiserPhoneHashes }));
  });

  app.patch('/contests/:id', {
    config: { access },
    schema: { tags, summary: 'Edit a contest: title, bank, rules, phases and their prizes, organisers\' phones', params: s.IdParams, body: s.UpdateContestBody, response: { 200: s.ManagedContestSchema, ...errors } },
  }, async (request) => {
    const { organiserPhones, ...changes } = request.body;
    const organiserPhoneHashes = organiserPhones && hashOrganisers(organiserPhones);
    return updateContest(db, request.viewer!, request.params.id, { ...changes, organiserPhoneHashes });
  });

  app.get('/summary', {
    config: { access },
    schema: { tags, summary: 'The officers\' dashboard tile: the current contest, participants today and in the open phase', querystring: s.ProvinceQuery, response: { 200: s.ContestSummarySchema, ...errors } },
  }, async (request) => ({ contest: await contestSummary(db, request.viewer!, request.query.provinceCode) }));

  app.get('/contests', {
    config: { access },
    schema: { tags, summary: 'Contests of a province', querystring: s.ProvinceQuery, response: { 200: s.ManagedContestList, ...errors } },
  }, async (request) => ({ items: await listContestsOfProvince(db, request.viewer!, request.query.provinceCode) }));

  app.get('/contests/:id/winners', {
    config: { access, personalData: { auditedBy: 'service' } },
    schema: { tags, summary: 'Winners of a phase with full names (published or not yet)', params: s.IdParams, querystring: s.ResultsQuery, response: { 200: { type: 'object', properties: { items: { type: 'array', items: s.WinnerSchema } } }, ...errors } },
  }, async (request) => {
    const contest = await getManagedContest(db, request.viewer!, request.params.id);
    const items = await phaseWinners(db, contest, request.query.phase);
    await recordAudit(db, { actorUserId: request.viewer!.id, action: 'contest.winners.read', unitCode: contest.provinceCode, subject: contest.id, detail: { phase: request.query.phase, count: items.length } });
    return { items };
  });

  app.get('/contests/:id/units', {
    config: { access },
    schema: { tags, summary: 'Per-unit participants, participation rate and unit prize score', params: s.IdParams, querystring: s.PhaseQuery, response: { 200: { type: 'object', properties: { items: { type: 'array', items: s.UnitResultSchema } } }, ...errors } },
  }, async (request) => {
    const contest = await getManagedContest(db, request.viewer!, request.params.id);
    return { items: await unitResults(db, contest, request.query.phase ?? null) };
  });

  app.post('/contests/:id/phases/:number/publish', {
    config: { access, personalData: { auditedBy: 'service' } },
    schema: { tags, summary: 'Publish a phase\'s results once it has ended', params: s.PublishParams, response: { 200: { type: 'object', properties: { items: { type: 'array', items: s.WinnerSchema } } }, ...errors } },
  }, async (request) => {
    const contest = await getManagedContest(db, request.viewer!, request.params.id);
    getPhase(contest, request.params.number, 'number');
    const items = await publishPhase(db, contest, request.params.number);
    await recordAudit(db, { actorUserId: request.viewer!.id, action: 'contest.publish', unitCode: contest.provinceCode, subject: contest.id, detail: { phase: request.params.number, winners: items.length } });
    return { items };
  });

  app.get('/contests/:id/suspicious', {
    config: { access, personalData: { auditedBy: 'service' } },
    schema: { tags, summary: 'Many attempts from one address, answers faster than reading allows', params: s.IdParams, querystring: s.ResultsQuery, response: { 200: s.SuspiciousSchema, ...errors } },
  }, async (request) => {
    const contest = await getManagedContest(db, request.viewer!, request.params.id);
    const result = await suspiciousPatterns(db, contest, request.query.phase);
    await recordAudit(db, { actorUserId: request.viewer!.id, action: 'contest.suspicious.read', unitCode: contest.provinceCode, subject: contest.id, detail: { phase: request.query.phase } });
    return result;
  });
};
