import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { FIELD_ROLES, OFFICERS } from '../../../http/access.js';
import { ErrorResponse } from '../../../http/schemas.js';
import { getDifficulty, getDifficultyPhoto, handleDifficulty, listDifficulties, parsePhotoDataUrl, reportDifficulty } from '../difficulties/difficulties.service.js';
import { decideReportedValue, listReportedValues, reportedValueHistory, saveReportedValue } from '../reported/reported-values.service.js';
import * as s from './supervision.schema.js';

const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse };

/** Reported figures (save, submit, approve, return) and difficulties (report, assign, answer, close). */
export const supervisionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database;
  const tx = <T>(work: (trx: typeof db) => Promise<T>) => db.transaction().execute(work);

  app.put('/reported-values', {
    config: { access: OFFICERS },
    schema: { tags: ['targets'], body: s.SaveReportedValueBody, response: { 200: s.ReportedValueSchema, ...errors } },
  }, (request) => tx((trx) => saveReportedValue(trx, request.viewer!, request.body)));

  app.get('/reported-values', {
    config: { access: OFFICERS },
    schema: { tags: ['targets'], querystring: s.ReportedListQuery, response: { 200: s.ReportedPage, ...errors } },
  }, (request) => listReportedValues(db, request.viewer!, {
    unitCode: request.query.unit, indicatorCode: request.query.indicator, status: request.query.status,
    after: request.query.after, limit: request.query.limit ?? 100,
  }));

  app.get('/reported-values/:id/history', {
    config: { access: OFFICERS },
    schema: { tags: ['targets'], params: s.IdParams, response: { 200: s.HistorySchema, ...errors } },
  }, (request) => reportedValueHistory(db, request.viewer!, request.params.id));

  for (const decision of ['submit', 'approve'] as const) {
    app.post(`/reported-values/:id/${decision}`, {
      config: { access: OFFICERS },
      schema: { tags: ['targets'], params: s.IdParams, body: s.DecisionBody, response: { 200: s.ReportedValueSchema, ...errors } },
    }, (request) => tx((trx) => decideReportedValue(trx, request.viewer!, request.params.id, decision, request.body?.comment)));
  }

  app.post('/reported-values/:id/return', {
    config: { access: OFFICERS },
    schema: { tags: ['targets'], params: s.IdParams, body: s.ReturnBody, response: { 200: s.ReportedValueSchema, ...errors } },
  }, (request) => tx((trx) => decideReportedValue(trx, request.viewer!, request.params.id, 'return', request.body.comment)));

  // A difficulty's description is a resident's or worker's own words, often naming people.
  app.post('/difficulties', {
    config: { access: FIELD_ROLES, personalData: { audit: 'difficulties.write' } },
    schema: { tags: ['targets'], body: s.ReportDifficultyBody, response: { 201: s.DifficultySchema, ...errors } },
  }, async (request, reply) => {
    const { photo, ...rest } = request.body;
    const input = { ...rest, ...(photo === undefined ? {} : { photo: parsePhotoDataUrl(photo, 'photo') }) };
    return reply.status(201).send(await tx((trx) => reportDifficulty(trx, request.viewer!, input)));
  });

  app.get('/difficulties', {
    config: { access: FIELD_ROLES, personalData: { audit: 'difficulties.read' } },
    schema: { tags: ['targets'], querystring: s.DifficultyListQuery, response: { 200: s.DifficultyPage, ...errors } },
  }, (request) => listDifficulties(db, request.viewer!, {
    unitCode: request.query.unit, statuses: request.query.status, after: request.query.after, limit: request.query.limit ?? 100,
  }));

  app.get('/difficulties/:id', {
    config: { access: FIELD_ROLES, personalData: { audit: 'difficulties.read' } },
    schema: { tags: ['targets'], params: s.DifficultyParams, response: { 200: s.DifficultySchema, ...errors } },
  }, (request) => getDifficulty(db, request.viewer!, request.params.id));

  // A photo of a place or a class may show people: read like the difficulty itself.
  app.get('/difficulties/:id/photo', {
    config: { access: FIELD_ROLES, personalData: { audit: 'difficulties.read' } },
    schema: { tags: ['targets'], summary: 'The photo raised with a difficulty', params: s.DifficultyParams, response: { 200: s.PhotoBytes, ...errors } },
  }, async (request, reply) => {
    const photo = await getDifficultyPhoto(db, request.viewer!, request.params.id);
    return reply.type(photo.type).header('cache-control', 'private, max-age=86400').send(photo.bytes);
  });

  app.post('/difficulties/:id', {
    config: { access: ['province_officer'], personalData: { audit: 'difficulties.write' } },
    schema: { tags: ['targets'], params: s.DifficultyParams, body: s.DifficultyActionBody, response: { 200: s.DifficultySchema, ...errors } },
  }, (request) => tx((trx) => handleDifficulty(trx, request.viewer!, request.params.id, request.body)));
};
