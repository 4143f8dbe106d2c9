import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { OFFICERS } from '../../http/access.js';
import { Day, ErrorResponse, Nullable, PageQuery, UnitCode } from '../../http/schemas.js';
import { decideStatistics, listStatisticProposals, proposeStatistics } from './statistic-proposals.service.js';

const tags = ['units'];
const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse };

const Status = Type.Union([Type.Literal('pending'), Type.Literal('approved'), Type.Literal('rejected')]);
const Statistics = Type.Record(Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$' }), Type.Integer({ minimum: 0, maximum: 1e12 }), { minProperties: 1, maxProperties: 20 });
const Proposal = Type.Object({
  id: Type.String(), unitCode: Type.String(), asOf: Type.String(), statistics: Type.Record(Type.String(), Type.Number()), status: Status,
  proposedBy: Nullable(Type.String({ description: 'User name of the officer who proposed' })), proposedAt: Type.String(),
  decidedBy: Nullable(Type.String()), decidedAt: Nullable(Type.String()), reason: Nullable(Type.String()),
});
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

/**
 * Statistics a commune proposes for its own units, approved or rejected by the province:
 * nothing proposed counts in any denominator before approval.
 */
export const statisticProposalRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database;

  app.post('/', {
    config: { access: OFFICERS },
    schema: {
      tags, summary: 'Propose statistics (denominators) for a unit of one\'s commune, for the province to approve',
      body: Type.Object({ unitCode: UnitCode, asOf: Day, statistics: Statistics }, { additionalProperties: false }),
      response: { 201: Proposal, ...errors },
    },
  }, async (request, reply) => reply.status(201).send(
    await db.transaction().execute((trx) => proposeStatistics(trx, request.viewer!, request.body))));

  app.get('/', {
    config: { access: OFFICERS, personalData: { audit: 'units.statistics.read' } },
    schema: {
      tags, summary: 'Statistics proposals of a unit and the units below it, newest first',
      querystring: Type.Object({ unit: UnitCode, status: Type.Optional(Status), ...PageQuery }),
      response: { 200: Type.Object({ items: Type.Array(Proposal), next: Nullable(Type.String()), kinds: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })) }), ...errors },
    },
  }, (request) => listStatisticProposals(db, request.viewer!, {
    unitCode: request.query.unit, status: request.query.status, after: request.query.after, limit: request.query.limit ?? 100,
  }, request.lang));

  app.post('/:id/approve', {
    config: { access: ['province_officer'] },
    schema: { tags, summary: 'Approve a proposal: its figures count from now on', params: IdParams, response: { 200: Proposal, ...errors } },
  }, (request) => db.transaction().execute((trx) => decideStatistics(trx, request.viewer!, request.params.id, { approve: true })));

  app.post('/:id/reject', {
    config: { access: ['province_officer'] },
    schema: {
      tags, summary: 'Reject a proposal with a reason', params: IdParams,
      body: Type.Object({ reason: Type.String({ minLength: 1, maxLength: 1000, pattern: '\\S' }) }, { additionalProperties: false }),
      response: { 200: Proposal, ...errors },
    },
  }, (request) => db.transaction().execute((trx) => decideStatistics(trx, request.viewer!, request.params.id, { approve: false, reason: request.body.reason.trim() })));
};
