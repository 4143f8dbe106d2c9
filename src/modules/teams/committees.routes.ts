import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { FIELD_ROLES, OFFICERS } from '../../http/access.js';
import { ErrorResponse } from '../../http/schemas.js';
import { getCommittee, putCommittee } from './committees.service.js';
import * as s from './teams.schema.js';

const tags = ['committees'];
const errors = { 400: ErrorResponse, 404: ErrorResponse, 422: ErrorResponse };

/** A commune's steering committee under /api/committees/:unitCode. */
export const committeeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database;

  app.get('/:unitCode', {
    config: { access: FIELD_ROLES, personalData: { audit: 'committees.read' } },
    schema: { tags, summary: 'The steering committee of a commune-level unit', params: s.CommitteeParams, response: { 200: s.CommitteeSchema, ...errors } },
  }, (request) => getCommittee(db, request.viewer, request.params.unitCode));

  app.put('/:unitCode', {
    config: { access: OFFICERS, personalData: { auditedBy: 'service' } },
    schema: { tags, summary: 'Record the committee\'s decision and members, replacing the previous composition', params: s.CommitteeParams, body: s.PutCommitteeBody, response: { 200: s.CommitteeSchema, ...errors } },
  }, (request) => putCommittee(db, request.viewer, request.params.unitCode, request.body));
};
