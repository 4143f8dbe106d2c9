import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AppError } from '../../errors.js';
import { FIELD_ROLES, type Viewer } from '../../http/access.js';
import { ErrorResponse } from '../../http/schemas.js';
import * as s from './coverage.schema.js';
import { getCoverage, getMissing } from './coverage.service.js';

const tags = ['coverage'];
const errors = { 400: ErrorResponse, 404: ErrorResponse, 422: ErrorResponse };

/** Coverage of a unit from the rollups, and the residents of a village still lacking a milestone. */
export const coverageRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database;
  const viewerOf = (request: { viewer: Viewer | null }) => {
    if (!request.viewer) throw new AppError('UNAUTHENTICATED');
    return request.viewer;
  };

  app.get('/', {
    config: { access: FIELD_ROLES },
    schema: { tags, summary: 'Households visited, residents and milestones of a unit and its children', querystring: s.CoverageQuery, response: { 200: s.CoverageResponse, ...errors } },
  }, (request) => getCoverage(db, viewerOf(request), request.query.unit, { day: request.query.date, lang: request.lang }));

  app.get('/missing', {
    config: { access: FIELD_ROLES, personalData: { auditedBy: 'service' } },
    schema: { tags, summary: 'Residents of a village who lack a milestone', querystring: s.MissingQuery, response: { 200: s.MissingPage, ...errors } },
  }, (request) => getMissing(db, viewerOf(request), { ...request.query, limit: request.query.limit ?? 100 }, request.lang));
};
