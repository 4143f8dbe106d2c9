import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AppError } from '../../errors.js';
import { FIELD_ROLES, OFFICERS, type Viewer } from '../../http/access.js';
import { parseJsonInPieces } from '../../http/json-in-pieces.js';
import { compressAtOnce } from '../../http/kept-bytes.js';
import { ErrorResponse } from '../../http/schemas.js';
import { listConflicts, resolveConflict } from './conflicts.service.js';
import { DEFAULT_PULL_CAP, pullVillage } from './pull.service.js';
import * as s from './sync.schema.js';
import { applySyncBatch } from './sync.service.js';
import { DuplicateAnswerLimit } from './duplicate-answer-limit.js';

export interface SyncRouteOptions {
  secretKey: string;
  /** Records of a village a device keeps at most; tests lower it. */
  pullCap?: number;
  /** "Recorded in another unit" answers an account gets per hour; tests lower it. */
  duplicateAnswersPerHour?: number;
}

const tags = ['sync'];
const errors = { 400: ErrorResponse, 404: ErrorResponse, 422: ErrorResponse };
// 500 items with long notes stay well under this; anything bigger is not a field app's batch.
const SYNC_BODY_LIMIT = 5 * 1024 * 1024;

/** The field app's sync: push a batch of writes, pull the village, and the officers' conflict list. */
export const syncRoutes: FastifyPluginAsyncTypebox<SyncRouteOptions> = async (app, options) => {
  const { db } = app.database;
  const duplicateLimit = new DuplicateAnswerLimit(options.duplicateAnswersPerHour);
  // A batch of 500 visits is over 200 KB of JSON: read in pieces, not as one string.
  parseJsonInPieces(app);
  const viewerOf = (request: { viewer: Viewer | null }) => {
    if (!request.viewer) throw new AppError('UNAUTHENTICATED');
    return request.viewer;
  };

  app.post('/', {
    bodyLimit: SYNC_BODY_LIMIT,
    config: { access: FIELD_ROLES, checksItemDataItself: true },
    onSend: compressAtOnce,
    schema: { tags, summary: 'Push up to 500 writes made on a device; answers per item', body: s.SyncBody, response: { 200: s.SyncResponse, 403: ErrorResponse, ...errors } },
  }, (request) => applySyncBatch(db, viewerOf(request), request.body, { secretKey: options.secretKey, lang: request.lang, duplicateLimit }));

  app.get('/pull', {
    config: { access: FIELD_ROLES, personalData: { auditedBy: 'service' } },
    schema: { tags, summary: "A page of the village's households and residents after a cursor", querystring: s.PullQuery, response: { 200: s.PullResponse, ...errors } },
  }, (request) => pullVillage(db, viewerOf(request), { ...request.query, limit: request.query.limit ?? 1000 }, {
    cap: options.pullCap ?? DEFAULT_PULL_CAP, lang: request.lang,
  }));

  app.get('/conflicts', {
    config: { access: OFFICERS, personalData: { auditedBy: 'service' } },
    schema: { tags, summary: 'Losing writes of concurrent edits in a unit, oldest first', querystring: s.ConflictsQuery, response: { 200: s.ConflictPage, ...errors } },
  }, (request) => listConflicts(db, viewerOf(request), { ...request.query, limit: request.query.limit ?? 100 }));

  app.post('/conflicts/:id/resolve', {
    config: { access: OFFICERS, personalData: { auditedBy: 'service' } },
    schema: {
      tags, summary: 'Settle a conflict: keep the version the rule kept, or write the replaced one back as a new edit',
      params: s.ConflictParams, body: s.ConflictChoice, response: { 200: s.ConflictSchema, 409: ErrorResponse, ...errors },
    },
  }, (request) => resolveConflict(db, viewerOf(request), request.params.id, request.body.choice, { secretKey: options.secretKey, lang: request.lang }));
};
