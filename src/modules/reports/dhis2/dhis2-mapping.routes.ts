import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../../errors.js';
import type { Viewer } from '../../../http/access.js';
import { ErrorResponse } from '../../../http/schemas.js';
import { toCsv } from '../../../lib/csv-write.js';
import { getMapping, importMapping, MAPPING_COLUMNS, removeMappingLine, setMappingLine } from './dhis2-mapping.service.js';
import * as s from './dhis2-mapping.schema.js';

const tags = ['reports'];
const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse };
/** The province's officers keep its link to DHIS2; commune officers export with it. */
const access = { access: ['province_officer'] as const };

const viewerOf = (request: { viewer: Viewer | null }) => {
  if (!request.viewer) throw new AppError('UNAUTHENTICATED');
  return request.viewer;
};

/** The province's DHIS2 identifiers under /api/dhis2: read, set a line, remove it, import a file, download it. */
export const dhis2MappingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database;

  app.get('/mapping', {
    config: access,
    schema: { tags, summary: "The province's DHIS2 identifiers: every indicator, the province, its communes and every mapped unit", querystring: s.ProvinceQuery, response: { 200: s.MappingSchema, ...errors } },
  }, (request) => getMapping(db, viewerOf(request), request.query.province, request.lang));

  app.get('/mapping.csv', {
    config: access,
    schema: { tags, summary: 'The mapping as the CSV the import reads: a template to fill, or a copy to keep', querystring: s.ProvinceQuery },
  }, async (request, reply) => {
    const mapping = await getMapping(db, viewerOf(request), request.query.province, request.lang);
    const csv = toCsv([
      MAPPING_COLUMNS,
      ...mapping.indicators.map((i) => ['indicator', i.code, i.dataElement ?? '', i.categoryOptionCombo ?? '']),
      ...mapping.units.map((u) => ['unit', u.code, u.orgUnit ?? '', '']),
    ]);
    return reply.header('content-disposition', `attachment; filename="dhis2-mapping-${mapping.provinceCode}.csv"`).type('text/csv; charset=utf-8').send(csv);
  });

  app.put('/mapping/:kind/:code', {
    config: access,
    schema: { tags, summary: 'Set the DHIS2 identifier of an indicator or a unit', params: s.LineParams, querystring: s.ProvinceQuery, body: s.LineBody, response: { 204: Type.Null(), ...errors } },
  }, async (request, reply) => {
    await setMappingLine(db, viewerOf(request), request.query.province, { kind: request.params.kind, code: request.params.code, ...request.body });
    return reply.status(204).send(null);
  });

  app.delete('/mapping/:kind/:code', {
    config: access,
    schema: { tags, summary: 'Remove the DHIS2 identifier of an indicator or a unit', params: s.LineParams, querystring: s.ProvinceQuery, response: { 204: Type.Null(), ...errors } },
  }, async (request, reply) => {
    await removeMappingLine(db, viewerOf(request), request.query.province, request.params.kind, request.params.code);
    return reply.status(204).send(null);
  });

  app.post('/mapping/import', {
    config: access,
    schema: {
      tags, summary: 'Import identifiers from CSV (kind, code, uid, category_option_combo): all lines or none, with every line at fault listed',
      querystring: s.ProvinceQuery, response: { 200: s.ImportReply, ...errors },
    },
  }, async (request) => {
    if (!Buffer.isBuffer(request.body)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the file as text/csv', 'file');
    return importMapping(db, viewerOf(request), request.query.province, request.body);
  });
};
