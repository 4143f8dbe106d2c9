import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { OFFICERS } from '../../http/access.js';
import type { Reads } from '../../db/read-replica.js';
import type { Language } from '../../i18n/index.js';
import { ErrorResponse } from '../../http/schemas.js';
import { dataValuesOf, dataValueSetCsv, identifiedDataValues } from './dhis2/data-value-sets.js';
import { dhis2Identifiers } from './dhis2/dhis2-mapping.service.js';
import { MEDIA_TYPES, sendExport } from './export-reply.js';
import { parseDhis2Period, periodReportDay, reportDay } from './report-days.js';
import { childrenCsv } from './csv/report-csv.js';
import { fileNameOf } from './report-format.js';
import * as s from './reports.schema.js';
import { movementSummary } from './summary.service.js';
import { loadUnitReport, type UnitReport } from './unit-report.service.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };
const access = { access: OFFICERS };
const reportWord = (lang: Language) => (lang === 'en' ? 'report' : 'bao-cao');

/**
 * Exports of a unit's figures under /api/reports: Excel and PDF reports, CSV of the table of
 * units below, DHIS2 data value sets and the one-page summary. All of them read the figures
 * GET /api/progress answers, and each download is written to the audit log.
 *
 * The figures are read through `reads` (the replica when there is one); the audit entry of a
 * download is written on the primary (`db`), and so is the DHIS2 mapping read, which an officer
 * checks right after changing it.
 */
export const reportRoutes: FastifyPluginAsyncTypebox<{ reads: Reads }> = async (app, { reads }) => {
  const { db } = app.database;

  // The unit's target report, the same figures as a workbook or as a document with charts. The
  // builders load on the first download: exceljs, pdfkit and ECharts hold about 100 MB of a
  // server's memory, and most servers build a document now and then.
  const documents = [
    { format: 'xlsx', summary: 'The unit\'s target report as Excel', build: async (report: UnitReport) => (await import('./xlsx/report-xlsx.js')).unitReportWorkbook(report) },
    { format: 'pdf', summary: 'The unit\'s target report as PDF, with charts', build: async (report: UnitReport) => (await import('./pdf/report-pdf.js')).unitReportPdf(report) },
  ] as const;
  for (const { format, summary, build } of documents) {
    app.get(`/:unit.${format}`, {
      config: access,
      schema: { tags: ['reports'], summary, params: s.UnitParams, querystring: s.DayQuery, response: { 200: s.FileResponse(MEDIA_TYPES[format]), ...errors } },
    }, async (request, reply) => {
      const report = await reads.run((source) => loadUnitReport(source, request.viewer, request.params.unit, request.lang, reportDay(request.query.date)));
      return sendExport(db, request, reply, {
        unitCode: report.unit.code, format, mediaType: MEDIA_TYPES[format], body: await build(report),
        fileName: fileNameOf([reportWord(report.lang), report.unit.code, report.unit.name, report.day], format), detail: { date: report.day },
      });
    });
  }

  app.get('/:unit/children.csv', {
    config: access,
    schema: { tags: ['reports'], summary: 'The units below with their figures, as CSV for Excel', params: s.UnitParams, querystring: s.ChildrenCsvQuery, response: { 200: s.FileResponse(MEDIA_TYPES.csv), ...errors } },
  }, async (request, reply) => {
    const { indicator, date } = request.query;
    const report = await reads.run((source) => loadUnitReport(source, request.viewer, request.params.unit, request.lang, reportDay(date), { indicatorCode: indicator }));
    return sendExport(db, request, reply, {
      unitCode: report.unit.code, format: 'csv', mediaType: MEDIA_TYPES.csv, body: childrenCsv(report),
      fileName: fileNameOf([reportWord(report.lang), report.unit.code, report.unit.name, indicator ?? '', report.day], 'csv'),
      detail: { date: report.day, indicator: indicator ?? null },
    });
  });

  for (const format of ['json', 'csv'] as const) {
    app.get(`/:unit/dhis2.${format}`, {
      config: access,
      schema: {
        tags: ['reports'], summary: `DHIS2 data value set (${format}) of the unit and the units below for a period`,
        params: s.UnitParams, querystring: s.PeriodQuery,
        response: { 200: format === 'json' ? s.DataValueSetSchema : s.FileResponse(MEDIA_TYPES.csv), ...errors },
      },
    }, async (request, reply) => {
      const period = parseDhis2Period(request.query.period);
      const report = await reads.run((source) => loadUnitReport(source, request.viewer, request.params.unit, request.lang, periodReportDay(period)));
      // DHIS2's own identifiers when the province has its mapping (or when asked), else the codes.
      const ids = await dhis2Identifiers(db, report.unit.provinceCode);
      const scheme = request.query.idScheme ?? (ids.dataElements.size + ids.orgUnits.size > 0 ? 'uid' : 'code');
      const coded = dataValuesOf(report, period);
      const dataValues = scheme === 'uid' ? identifiedDataValues(coded, ids) : coded;
      const body = format === 'json'
        ? JSON.stringify({ dataValues })
        : dataValueSetCsv(dataValues, 'doorstep', new Date().toISOString());
      return sendExport(db, request, reply, {
        unitCode: report.unit.code, format: `dhis2-${format}`, mediaType: MEDIA_TYPES[format], body,
        fileName: fileNameOf(['dhis2', report.unit.code, period.id], format), detail: { period: period.id, day: report.day, idScheme: scheme },
      });
    });
  }

  app.get('/:unit/summary', {
    config: access,
    schema: { tags: ['reports'], summary: 'The movement\'s results as sentences of figures', params: s.UnitParams, querystring: s.DayQuery, response: { 200: s.SummarySchema, ...errors } },
  }, (request) => reads.run((source) => movementSummary(source, request.viewer, request.params.unit, request.lang, reportDay(request.query.date))));

  app.get('/:unit/summary.pdf', {
    config: access,
    schema: { tags: ['reports'], summary: 'The one-page printable summary', params: s.UnitParams, querystring: s.DayQuery, response: { 200: s.FileResponse(MEDIA_TYPES.pdf), ...errors } },
  }, async (request, reply) => {
    const summary = await reads.run((source) => movementSummary(source, request.viewer, request.params.unit, request.lang, reportDay(request.query.date)));
    return sendExport(db, request, reply, {
      unitCode: summary.unit.code, format: 'summary-pdf', mediaType: MEDIA_TYPES.pdf, body: await (await import('./pdf/summary-pdf.js')).summaryPdf(summary, request.lang),
      fileName: fileNameOf([request.lang === 'en' ? 'summary' : 'tom-tat', summary.unit.code, summary.unit.name, summary.day], 'pdf'),
      detail: { date: summary.day },
    });
  });
};
