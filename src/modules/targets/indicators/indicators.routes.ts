import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Day, ErrorResponse, Nullable, UnitCode } from '../../../http/schemas.js';
import { CountSource, DenominatorSource } from './indicator-formula.js';
import { OFFICERS } from '../../../http/access.js';
import { listIndicators, provinceOfViewer, removeTarget, saveIndicator, setTarget } from './indicators.service.js';
import { listTargetChanges, listUnitTargets } from './target-history.js';

const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 422: ErrorResponse };
const IndicatorCode = Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-z0-9_]+$' });

const IndicatorFields = {
  nameVi: Type.String({ minLength: 1, maxLength: 300 }), nameEn: Type.String({ minLength: 1, maxLength: 300 }),
  explanationVi: Type.String({ maxLength: 1000 }), explanationEn: Type.String({ maxLength: 1000 }),
  unitLabel: Type.String({ minLength: 1, maxLength: 20 }), percent: Type.Boolean(),
  numerator: CountSource, denominator: Nullable(DenominatorSource),
  sort: Type.Integer({ minimum: 0, maximum: 10_000 }), active: Type.Boolean(),
};
const IndicatorSchema = Type.Object({ code: Type.String(), name: Type.String(), explanation: Type.String(), ...IndicatorFields });
const TargetSchema = Type.Object({
  indicatorCode: IndicatorCode, unitCode: UnitCode, targetValue: Type.Number({ minimum: 0, maximum: 1e12 }), deadline: Day,
}, { additionalProperties: false });

const TargetChangeSchema = Type.Object({
  id: Type.Integer(), indicatorCode: Type.String(), unitCode: Type.String(), action: Type.Union([Type.Literal('set'), Type.Literal('remove')]),
  targetValue: Nullable(Type.Number()), deadline: Nullable(Type.String()), previousValue: Nullable(Type.Number()), previousDeadline: Nullable(Type.String()),
  changedByName: Nullable(Type.String()), changedAt: Type.String(),
});

/**
 * Indicators as data and the targets set on units. The shared definitions are an
 * administrator's; a province officer edits the province's own wording of them and its targets.
 */
export const indicatorRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database;

  app.get('/indicators', {
    config: { access: 'authenticated' },
    schema: { tags: ['targets'], querystring: Type.Object({ all: Type.Optional(Type.Boolean()) }), response: { 200: Type.Object({ items: Type.Array(IndicatorSchema) }) } },
  }, async (request) => ({ items: await listIndicators(db, request.lang, request.query.all ?? false, await provinceOfViewer(db, request.viewer)) }));

  app.put('/indicators/:code', {
    config: { access: ['province_officer'] },
    schema: {
      tags: ['targets'], params: Type.Object({ code: IndicatorCode }),
      body: Type.Object(IndicatorFields, { additionalProperties: false }), response: { 200: IndicatorSchema, ...errors },
    },
  }, (request) => db.transaction().execute((trx) => saveIndicator(trx, request.viewer, request.params.code, request.body, request.lang)));

  app.get('/targets', {
    config: { access: OFFICERS },
    schema: {
      tags: ['targets'], summary: 'The targets set on a unit and on the units directly under it',
      querystring: Type.Object({ unit: UnitCode }),
      response: { 200: Type.Object({ items: Type.Array(Type.Object({ ...TargetSchema.properties, setAt: Type.String() })) }), ...errors },
    },
  }, async (request) => ({ items: await listUnitTargets(db, request.viewer, request.query.unit) }));

  app.get('/targets/changes', {
    // Who changed a target is named: the reads are in the access log.
    config: { access: OFFICERS, personalData: { audit: 'targets.changes' } },
    schema: {
      tags: ['targets'], summary: 'What changed in those targets, newest first, and who changed it',
      querystring: Type.Object({ unit: UnitCode, limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) }),
      response: { 200: Type.Object({ items: Type.Array(TargetChangeSchema) }), ...errors },
    },
  }, async (request) => ({ items: await listTargetChanges(db, request.viewer, request.query.unit, request.query.limit ?? 50) }));

  app.put('/targets', {
    config: { access: ['province_officer'] },
    schema: { tags: ['targets'], body: TargetSchema, response: { 200: TargetSchema, ...errors } },
  }, (request) => setTarget(db, request.viewer, request.body));

  app.delete('/targets', {
    config: { access: ['province_officer'] },
    schema: { tags: ['targets'], querystring: Type.Object({ indicator: IndicatorCode, unit: UnitCode }), response: { 204: Type.Null(), ...errors } },
  }, async (request, reply) => {
    await removeTarget(db, request.viewer!, request.query.indicator, request.query.unit);
    return reply.status(204).send(null);
  });
};
