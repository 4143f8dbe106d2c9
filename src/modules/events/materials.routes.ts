import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../errors.js';
import { FIELD_ROLES, OFFICERS, type Viewer } from '../../http/access.js';
import { Day, ErrorResponse, Nullable, UnitCode } from '../../http/schemas.js';
import { ACTIVITY_KINDS, listActivities, listMaterials, MATERIAL_KINDS, MATERIAL_MAX_BYTES, MATERIAL_TYPES, openMaterial, recordActivity, uploadMaterial } from './materials.service.js';

const tags = ['communication'];
const errors = { 400: ErrorResponse, 404: ErrorResponse, 413: ErrorResponse, 415: ErrorResponse, 422: ErrorResponse };
const viewerOf = (request: { viewer: Viewer | null }): Viewer => {
  if (!request.viewer) throw new AppError('UNAUTHENTICATED');
  return request.viewer;
};

const MaterialSchema = Type.Object({
  id: Type.String(), unitCode: Type.String(), kind: Type.String(), title: Type.String(), targetGroup: Nullable(Type.String()), language: Type.String(),
  mediaType: Type.String(), fileName: Type.String(), sizeBytes: Type.Integer(), createdAt: Type.String(),
});
const UploadQuery = Type.Object({
  unit: UnitCode,
  kind: Type.Enum(MATERIAL_KINDS),
  title: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
  language: Type.String({ minLength: 2, maxLength: 20, pattern: '^[a-z]{2,3}(-[A-Za-z0-9]+)?$', description: 'vi, ede (Ê Đê), en…' }),
  targetGroup: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
  fileName: Type.String({ minLength: 1, maxLength: 200, pattern: '^[^/\\\\]+$' }),
}, { additionalProperties: false });
const ActivityBody = Type.Object({
  unitCode: UnitCode, kind: Type.Enum(ACTIVITY_KINDS), day: Day,
  reach: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000 })), note: Type.Optional(Type.String({ maxLength: 1000 })),
}, { additionalProperties: false });
const ActivitySchema = Type.Object({ id: Type.String(), unitCode: Type.String(), kind: Type.String(), day: Type.String(), reach: Nullable(Type.Integer()), note: Nullable(Type.String()) });
const UnitQuery = Type.Object({ unit: UnitCode });

/** The materials library (files in the database) under /api/materials and communication activities under /api/communication-activities. */
export const materialRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database;
  // Any other type is refused by Fastify (415) before the body is read.
  app.addContentTypeParser(Object.keys(MATERIAL_TYPES), { parseAs: 'buffer', bodyLimit: MATERIAL_MAX_BYTES }, (_request, body, done) => done(null, body));

  app.post('/materials', {
    bodyLimit: MATERIAL_MAX_BYTES,
    config: { access: OFFICERS },
    schema: {
      tags, summary: 'Upload a material (the file\'s bytes as the body, its type as Content-Type); the type and size are checked before it is stored',
      querystring: UploadQuery, response: { 201: MaterialSchema, ...errors },
    },
  }, async (request, reply) => {
    if (!Buffer.isBuffer(request.body)) throw new AppError('MATERIAL_TYPE_REFUSED', 'Send the file\'s bytes', 'body');
    const mediaType = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    return reply.status(201).send(await uploadMaterial(db, viewerOf(request), request.query, mediaType, request.body));
  });

  app.get('/materials', {
    config: { access: FIELD_ROLES },
    schema: { tags, summary: 'Materials of a unit, the units below and the units above it', querystring: UnitQuery, response: { 200: Type.Object({ items: Type.Array(MaterialSchema) }), ...errors } },
  }, async (request) => ({ items: await listMaterials(db, viewerOf(request), request.query.unit) }));

  app.get('/materials/:id/file', {
    config: { access: FIELD_ROLES },
    schema: { tags, summary: 'The file, streamed', params: Type.Object({ id: Type.String({ format: 'uuid' }) }) },
  }, async (request, reply) => {
    const { material, stream } = await openMaterial(db, viewerOf(request), request.params.id);
    return reply.type(material.mediaType).header('content-length', material.sizeBytes)
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(material.fileName)}`)
      .header('cache-control', 'private, max-age=86400').send(stream);
  });

  app.post('/communication-activities', {
    config: { access: OFFICERS },
    schema: { tags, summary: 'Record a communication activity of a unit (conference, banner, loudspeaker broadcast…)', body: ActivityBody, response: { 201: ActivitySchema, ...errors } },
  }, async (request, reply) => reply.status(201).send(await recordActivity(db, viewerOf(request), request.body)));

  app.get('/communication-activities', {
    config: { access: OFFICERS },
    schema: {
      tags, summary: 'Communication activities of a unit and its units, latest first (200 at most), with the totals per kind over all of them',
      querystring: UnitQuery,
      response: { 200: Type.Object({ items: Type.Array(ActivitySchema), totals: Type.Array(Type.Object({ kind: Type.String(), activities: Type.Integer(), reach: Type.Integer() })) }), ...errors },
    },
  }, (request) => listActivities(db, viewerOf(request), request.query.unit));
};
