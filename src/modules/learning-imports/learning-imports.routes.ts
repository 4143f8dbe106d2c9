import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../errors.js';
import { OFFICERS } from '../../http/access.js';
import { translate } from '../../i18n/index.js';
import { importNationalRows } from './learning-imports.service.js';
import { MAX_BYTES, readNationalCsv } from './national-csv.js';

const ErrorBody = Type.Object({ error: Type.Object({ code: Type.String(), message: Type.String() }, { additionalProperties: true }) });

const Report = Type.Object({
  rows: Type.Integer(), enrolments: Type.Integer(), completions: Type.Integer(), milestones: Type.Integer(), residentsCreated: Type.Integer(), unchanged: Type.Integer(),
  notPlaced: Type.Array(Type.Object({ row: Type.Integer(), reason: Type.String(), message: Type.String() })),
  preview: Type.Boolean(),
});

/** Officers import the national learning platform's export: preview first, then apply. */
export const learningImportRoutes: FastifyPluginAsyncTypebox<{ secretKey: string }> = async (app, options) => {
  const { db } = app.database;
  app.post('/national', {
    bodyLimit: MAX_BYTES,
    config: { access: OFFICERS, personalData: { auditedBy: 'service' } },
    schema: {
      tags: ['learning'], summary: 'Import registrations and completions from the national learning platform (CSV); ?preview=true changes nothing',
      querystring: Type.Object({
        preview: Type.Boolean({ default: false }),
        createResidents: Type.Boolean({ default: false, description: 'Create a resident for an ID number that matches no one (in the row\'s village, within the importer\'s units; audited)' }),
      }),
      response: { 200: Report, 400: ErrorBody, 413: ErrorBody, 415: ErrorBody, 422: ErrorBody },
    },
  }, async (request) => {
    if (!Buffer.isBuffer(request.body)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the file as text/csv', 'file');
    const rows = await readNationalCsv(request.body);
    const report = await importNationalRows(db, request.viewer!, rows, options.secretKey, { preview: request.query.preview, createResidents: request.query.createResidents });
    return { ...report, notPlaced: report.notPlaced.map((n) => ({ ...n, message: translate(request.lang, `row.${n.reason}`) })) };
  });
};
