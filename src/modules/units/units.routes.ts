import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { FIELD_ROLES, OFFICERS } from '../../http/access.js';
import { ErrorResponse } from '../../http/schemas.js';
import { importOfficialList, importStatistics, importVillages } from './unit-imports.js';
import { mergeUnits, moveUnit, renameUnit, splitUnit } from './unit-operations.js';
import type { ReorganisationHooks } from './reorganisation-hooks.js';
import { rehearseOperation } from './unit-preview.js';
import { searchUnits } from './unit-search.js';
import { getVisibleStatistics } from './unit-statistics.js';
import * as s from './units.schema.js';
import { createUnit, getVisibleUnit, listChildren } from './units.service.js';
import { vietnamDay } from '../../lib/vietnam-day.js';

const tags = ['units'];
const errors = { 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse };
const IMPORT_BODY_LIMIT = 50 * 1024 * 1024;

/**
 * The administrative tree: read by everyone in scope, reorganised by the province. What a
 * reorganisation does beyond the tree (the summed counts of the units it moved follow them to
 * their new areas) comes in `reorganisation`, from the composition root.
 */
export const unitRoutes: FastifyPluginAsyncTypebox<{ reorganisation: ReorganisationHooks }> = async (app, { reorganisation }) => {
  const { db } = app.database;
  const actorOf = (request: { viewer: { id: string } | null }) => request.viewer?.id ?? null;

  app.get('/:code', {
    config: { access: 'authenticated' },
    schema: { tags, params: s.CodeParams, querystring: s.AtDayQuery, response: { 200: s.UnitSchema, ...errors } },
  }, (request) => getVisibleUnit(db, request.viewer, request.params.code, request.query.date));

  app.get('/:code/children', {
    config: { access: 'authenticated' },
    schema: { tags, params: s.CodeParams, querystring: s.ChildrenQuery, response: { 200: s.UnitPage, ...errors } },
  }, (request) => listChildren(db, request.viewer, request.params.code, {
    day: request.query.date, after: request.query.after, limit: request.query.limit ?? 100,
  }));

  app.get('/:code/search', {
    config: { access: 'authenticated' },
    schema: { tags, params: s.CodeParams, querystring: s.SearchQuery, response: { 200: s.SearchResult, ...errors } },
  }, async (request) => ({
    items: await searchUnits(db, request.viewer, request.params.code, request.query.q, { day: request.query.date, limit: request.query.limit ?? 20 }),
  }));

  app.get('/:code/statistics', {
    config: { access: FIELD_ROLES },
    schema: { tags, params: s.CodeParams, querystring: s.AtDayQuery, response: { 200: s.StatisticsResponse, ...errors } },
  }, (request) => getVisibleStatistics(db, request.viewer, request.params.code, request.query.date));

  app.post('/', {
    config: { access: ['province_officer'] },
    schema: { tags, body: s.CreateUnitBody, response: { 201: s.UnitSchema, ...errors } },
  }, async (request, reply) => {
    const unit = await db.transaction().execute((trx) => createUnit(trx, request.body, actorOf(request), request.viewer));
    return reply.status(201).send(unit);
  });

  app.post('/:code/rename', {
    config: { access: ['province_officer'] },
    schema: { tags, params: s.CodeParams, body: s.RenameBody, response: { 200: s.UnitSchema, ...errors } },
  }, (request) => db.transaction().execute((trx) => renameUnit(trx, request.viewer, request.params.code, request.body, actorOf(request))));

  app.post('/:code/move', {
    config: { access: ['province_officer'] },
    schema: { tags, params: s.CodeParams, body: s.MoveBody, response: { 200: s.UnitSchema, ...errors } },
  }, (request) => db.transaction().execute(async (trx) => {
    const unit = await moveUnit(trx, request.viewer, request.params.code, request.body, actorOf(request));
    await reorganisation.afterReorganisation(trx, unit.provinceCode);
    return unit;
  }));

  app.post('/merge', {
    config: { access: ['province_officer'] },
    schema: { tags, body: s.MergeBody, response: { 200: s.UnitSchema, ...errors } },
  }, (request) => db.transaction().execute(async (trx) => {
    const unit = await mergeUnits(trx, request.viewer, request.body, actorOf(request));
    await reorganisation.afterReorganisation(trx, unit.provinceCode);
    return unit;
  }));

  app.post('/:code/split', {
    config: { access: ['province_officer'] },
    schema: { tags, params: s.CodeParams, body: s.SplitBody, response: { 200: Type.Array(s.UnitSchema), ...errors } },
  }, (request) => db.transaction().execute(async (trx) => {
    const units = await splitUnit(trx, request.viewer, request.params.code, request.body, actorOf(request));
    await reorganisation.afterReorganisation(trx, units[0]!.provinceCode);
    return units;
  }));

  // Each operation can be rehearsed first: the same rules, rolled back, with what would move.
  const preview = { config: { access: ['province_officer'] as const }, schema: { tags, response: { 200: s.OperationPreviewSchema, ...errors } } };
  app.post('/:code/rename/preview', { ...preview, schema: { ...preview.schema, params: s.CodeParams, body: s.RenameBody } }, (request) =>
    rehearseOperation(db, reorganisation, [request.params.code], request.body.effectiveDate,
      (trx) => renameUnit(trx, request.viewer, request.params.code, request.body, actorOf(request))));
  app.post('/:code/move/preview', { ...preview, schema: { ...preview.schema, params: s.CodeParams, body: s.MoveBody } }, (request) =>
    rehearseOperation(db, reorganisation, [request.params.code, request.body.parentCode], request.body.effectiveDate,
      (trx) => moveUnit(trx, request.viewer, request.params.code, request.body, actorOf(request))));
  app.post('/merge/preview', { ...preview, schema: { ...preview.schema, body: s.MergeBody } }, (request) =>
    rehearseOperation(db, reorganisation, [...request.body.sources, request.body.into.code], request.body.effectiveDate,
      (trx) => mergeUnits(trx, request.viewer, request.body, actorOf(request))));
  app.post('/:code/split/preview', { ...preview, schema: { ...preview.schema, params: s.CodeParams, body: s.SplitBody } }, (request) =>
    rehearseOperation(db, reorganisation, [request.params.code], request.body.effectiveDate,
      (trx) => splitUnit(trx, request.viewer, request.params.code, request.body, actorOf(request))));

  const csvRoute = { bodyLimit: IMPORT_BODY_LIMIT, schema: { tags, consumes: ['text/csv'], querystring: s.ImportQuery, response: { 200: s.ImportSummarySchema, ...errors } } };

  app.post('/import/official-list', { ...csvRoute, config: { access: ['province_officer'] } },
    (request) => db.transaction().execute((trx) =>
      // The national list describes the units in force since the two-level reform of 1 July 2025.
      importOfficialList(trx, request.viewer, request.body as Buffer, request.query.validFrom ?? '2025-07-01', actorOf(request))));

  app.post('/import/villages', { ...csvRoute, config: { access: OFFICERS } },
    (request) => db.transaction().execute((trx) =>
      importVillages(trx, request.viewer, request.body as Buffer, request.query.validFrom ?? vietnamDay(), actorOf(request))));

  app.post('/import/statistics', {
    bodyLimit: IMPORT_BODY_LIMIT, config: { access: OFFICERS },
    schema: { tags, consumes: ['text/csv'], response: { 200: Type.Object({ values: Type.Integer() }), ...errors } },
  }, (request) => db.transaction().execute((trx) => importStatistics(trx, request.viewer, request.body as Buffer)));
};
