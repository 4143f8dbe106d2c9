import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse } from '../../http/schemas.js';
import * as s from './team-desk.schema.js';
import { assignHouseholds, getTeamDesk } from './team-desk.service.js';

const tags = ['team-desk'];
const errors = { 400: ErrorResponse, 404: ErrorResponse, 422: ErrorResponse };
// The team leader's screen; officers above may open it too. Members do not see it.
const DESK_ROLES = ['team_leader', 'commune_officer', 'province_officer'] as const;

/** The team leader's desk under /api/team-desk. Members' names and their work: personal data. */
export const teamDeskRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database;

  app.get('/', {
    config: { access: DESK_ROLES, personalData: { audit: 'team_desk.read' } },
    schema: { tags, summary: "A village team's day and week per member, assignments and last syncs", querystring: s.DeskQuery, response: { 200: s.TeamDeskSchema, ...errors } },
  }, (request) => getTeamDesk(db, request.viewer!, { village: request.query.village, day: request.query.date }));

  app.post('/assignments', {
    config: { access: DESK_ROLES, personalData: { audit: 'team_desk.assign' } },
    schema: { tags, summary: 'Assign households to a team member, reassign them, or take them back', body: s.AssignBody, response: { 200: s.AssignResponse, ...errors } },
  }, (request) => db.transaction().execute((trx) => assignHouseholds(trx, request.viewer!, request.body)));
};
