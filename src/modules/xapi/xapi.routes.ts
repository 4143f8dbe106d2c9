import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { inTransaction } from '../../db/transaction.js';
import { AppError } from '../../errors.js';
import { OFFICERS } from '../../http/access.js';
import { publicBase } from '../../http/public-base.js';
import { completionsFromStatements } from './xapi-completions.js';
import * as s from './xapi.schema.js';
import { authenticateSystem, createSystem, disableSystem, getStatement, listSystems, queryStatements, storeStatements } from './xapi.service.js';

const tags = ['xapi'];
const ErrorBody = Type.Object({ error: Type.Object({ code: Type.String(), message: Type.String() }, { additionalProperties: true }) });
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
export const XAPI_VERSION = '1.0.3';

/** xAPI requires the version header on every request and answers with its own. */
function requireVersion(request: FastifyRequest): void {
  const version = request.headers['x-experience-api-version'];
  if (typeof version !== 'string' || !/^1\.0(\.\d+)?$/.test(version.trim())) {
    throw new AppError('XAPI_VERSION_REQUIRED', `X-Experience-API-Version is ${version ?? 'missing'}`, 'X-Experience-API-Version');
  }
}

/**
 * The xAPI 1.0.3 statements resource, for learning systems that authenticate with their key and
 * secret (HTTP Basic), and the officers' screen that registers those systems.
 */
export const xapiRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database;
  const homePage = publicBase(app.config);

  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/xapi/statements')) reply.header('x-experience-api-version', XAPI_VERSION);
  });

  const system = async (request: FastifyRequest) => {
    requireVersion(request);
    return authenticateSystem(db, request.headers.authorization);
  };

  app.post('/statements', {
    config: { access: 'public' },
    schema: { tags, summary: 'Store a statement or a batch (all or nothing); answers their ids', body: s.StatementBody, response: { 200: Type.Array(Type.String()), ...errors } },
  }, async (request) => {
    const caller = await system(request);
    const body = request.body;
    const list = Array.isArray(body) ? body : [body];
    if (list.length === 0) throw new AppError('XAPI_STATEMENT_INVALID', 'An empty batch', 'body');
    if (list.length > 500) throw new AppError('XAPI_STATEMENT_INVALID', 'At most 500 statements a batch', 'body');
    const prefix = Array.isArray(body) ? (i: number) => `[${i}]` : () => '';
    return inTransaction(db, async (trx) => {
      const stored = await storeStatements(trx, caller, list, homePage, prefix);
      await completionsFromStatements(trx, caller, stored.fresh);
      return stored.ids;
    });
  });

  app.put('/statements', {
    config: { access: 'public' },
    schema: { tags, summary: 'Store one statement under the given statementId', querystring: s.PutQuery, body: s.StatementBody, response: { 204: Type.Null(), ...errors } },
  }, async (request, reply) => {
    const caller = await system(request);
    const body = request.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new AppError('XAPI_STATEMENT_INVALID', 'PUT takes one statement', 'body');
    const id = request.query.statementId.toLowerCase();
    const given = (body as Record<string, unknown>).id;
    if (given !== undefined && String(given).toLowerCase() !== id) throw new AppError('XAPI_STATEMENT_INVALID', 'The statement id differs from statementId', 'id');
    await inTransaction(db, async (trx) => {
      const stored = await storeStatements(trx, caller, [{ ...body, id: request.query.statementId }], homePage, () => '');
      await completionsFromStatements(trx, caller, stored.fresh);
    });
    return reply.status(204).send(null);
  });

  app.get('/statements', {
    config: { access: 'public' },
    schema: { tags, summary: 'One statement by id, or a page of statements by agent, verb, activity, registration, since, until', querystring: s.StatementQuery, response: { 200: Type.Union([s.StatementResult, s.StatementAnswer]), ...errors } },
  }, async (request, reply) => {
    await system(request);
    const { statementId, voidedStatementId, format: _format, attachments: _attachments, ...filters } = request.query;
    reply.header('x-experience-api-consistent-through', new Date().toISOString());
    if (statementId !== undefined || voidedStatementId !== undefined) {
      const extra = Object.keys(filters).filter((k) => k !== 'related_activities' && k !== 'related_agents');
      if ((statementId !== undefined && voidedStatementId !== undefined) || extra.length > 0) {
        throw new AppError('XAPI_STATEMENT_INVALID', 'statementId and voidedStatementId take no other filter', extra[0] ?? 'voidedStatementId');
      }
      return getStatement(db, (statementId ?? voidedStatementId)!, voidedStatementId !== undefined);
    }
    return queryStatements(db, filters, (cursor) => {
      const params = new URLSearchParams(Object.entries(request.query).filter(([k]) => k !== 'cursor').map(([k, v]) => [k, String(v)]));
      params.set('cursor', String(cursor));
      return `/api/xapi/statements?${params.toString()}`;
    });
  });

  app.get('/systems', {
    config: { access: OFFICERS },
    schema: { tags, summary: 'Learning systems registered in a unit and below', querystring: s.UnitQuery, response: { 200: s.SystemList, ...errors } },
  }, async (request) => ({ items: await listSystems(db, request.viewer!, request.query.unit) }));

  app.post('/systems', {
    config: { access: OFFICERS },
    schema: { tags, summary: 'Register a learning system; its secret is shown this once', body: s.SystemBody, response: { 200: s.NewSystemSchema, ...errors } },
  }, async (request) => inTransaction(db, (trx) => createSystem(trx, request.viewer!, request.body)));

  app.post('/systems/:id/disable', {
    config: { access: OFFICERS },
    schema: { tags, summary: 'Disable a learning system: its key stops working, its statements stay', params: s.SystemParams, response: { 200: s.SystemSchema, ...errors } },
  }, async (request) => inTransaction(db, (trx) => disableSystem(trx, request.viewer!, request.params.id)));
};
