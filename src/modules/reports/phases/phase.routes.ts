import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { OFFICERS } from '../../../http/access.js';
import { ErrorResponse } from '../../../http/schemas.js';
import { MEDIA_TYPES, sendExport } from '../export-reply.js';
import { phaseReport } from './phase-report.service.js';
import { phaseWorkbook } from './phase-xlsx.js';
import { listPhases, savePhase } from './phases.service.js';
import { fileNameOf } from '../report-format.js';
import * as s from '../reports.schema.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

/** Campaign phases (the "100 peak days"…) and their evaluation, under /api/reports. */
export const phaseRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database;

  app.get('/phases', {
    config: { access: OFFICERS },
    schema: { tags: ['reports'], summary: 'Campaign phases of a unit\'s province', querystring: s.PhaseListQuery, response: { 200: Type.Array(s.PhaseSchema), ...errors } },
  }, (request) => listPhases(db, request.viewer!, request.query.unit, request.lang));

  app.put('/phases/:code', {
    config: { access: ['province_officer'] },
    schema: { tags: ['reports'], summary: 'Create or change a campaign phase', params: s.PhaseCodeParams, body: s.PhaseBody, response: { 200: s.PhaseSchema, ...errors } },
  }, (request) => savePhase(db, request.viewer!, request.params.code, request.body, request.lang));

  // The evaluation lists the open difficulties with their descriptions.
  app.get('/:unit/phase', {
    config: { access: OFFICERS, personalData: { audit: 'reports.phase.read' } },
    schema: {
      tags: ['reports'], summary: 'A phase\'s evaluation: units below at its start and end, ranked by gain, and open difficulties',
      params: s.UnitParams, querystring: s.PhaseQuery, response: { 200: s.PhaseReportSchema, ...errors },
    },
  }, (request) => phaseReport(db, request.viewer!, request.params.unit, request.query, request.lang));

  app.get('/:unit/phase.xlsx', {
    config: { access: OFFICERS },
    schema: { tags: ['reports'], summary: 'The phase evaluation as Excel', params: s.UnitParams, querystring: s.PhaseQuery, response: { 200: s.FileResponse(MEDIA_TYPES.xlsx), ...errors } },
  }, async (request, reply) => {
    const report = await phaseReport(db, request.viewer!, request.params.unit, request.query, request.lang);
    const { phase } = report;
    return sendExport(db, request, reply, {
      unitCode: report.unit.code, format: 'phase-xlsx', mediaType: MEDIA_TYPES.xlsx, body: await phaseWorkbook(report, request.lang),
      fileName: fileNameOf([request.lang === 'en' ? 'phase' : 'danh-gia-dot', report.unit.code, report.unit.name, phase.code ?? `${phase.from}-${phase.to}`], 'xlsx'),
      detail: { phase: phase.code, from: phase.from, to: phase.to },
    });
  });
};
