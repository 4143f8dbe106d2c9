import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AppError } from '../../errors.js';
import { FIELD_ROLES, OFFICERS, type Viewer } from '../../http/access.js';
import { ErrorResponse } from '../../http/schemas.js';
import * as s from './events.schema.js';
import { attendanceOf, campaignProgress, createCampaign, createEvent, listCampaigns, listEvents, unitAttendanceOf, updateEvent } from './events.service.js';
import { publicEvent, register } from './registrations.service.js';

const tags = ['events'];
const errors = { 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse };
/** Registrations one address may make per minute: a family registering together passes, a script does not. */
const REGISTRATIONS_PER_MINUTE = 30;

const viewerOf = (request: { viewer: Viewer | null }): Viewer => {
  if (!request.viewer) throw new AppError('UNAUTHENTICATED');
  return request.viewer;
};

/** Events under /api/events and their province-wide campaigns under /api/event-campaigns. */
export const eventRoutes: FastifyPluginAsyncTypebox<{ secretKey: string }> = async (app, options) => {
  const { db } = app.database;

  app.post('/event-campaigns', {
    config: { access: ['province_officer'] },
    schema: { tags, summary: 'Start a province-wide campaign (such as the Week) that communes\' events belong to', body: s.CampaignBody, response: { 201: s.CampaignSchema, ...errors } },
  }, async (request, reply) => reply.status(201).send(await createCampaign(db, viewerOf(request), request.body)));

  app.get('/event-campaigns', {
    config: { access: FIELD_ROLES },
    schema: { tags, summary: 'Campaigns of a province', querystring: s.ProvinceQuery, response: { 200: s.CampaignList, ...errors } },
  }, async (request) => ({ items: await listCampaigns(db, viewerOf(request), request.query.province) }));

  app.get('/event-campaigns/:id/progress', {
    config: { access: OFFICERS },
    schema: { tags, summary: 'How many communes have organised the campaign, and which have not yet', params: s.IdParams, response: { 200: s.CampaignProgress, ...errors } },
  }, (request) => campaignProgress(db, viewerOf(request), request.params.id));

  app.post('/events', {
    config: { access: OFFICERS },
    schema: { tags, summary: 'Create an event of a unit', body: s.EventBody, response: { 201: s.EventSchema, ...errors } },
  }, async (request, reply) => reply.status(201).send(await createEvent(db, viewerOf(request), request.body)));

  app.put('/events/:id', {
    config: { access: OFFICERS },
    schema: { tags, summary: 'Edit an event (its unit and campaign stay)', params: s.IdParams, body: s.EventBody, response: { 200: s.EventSchema, ...errors } },
  }, (request) => updateEvent(db, viewerOf(request), request.params.id, request.body));

  app.get('/events', {
    config: { access: FIELD_ROLES },
    schema: { tags, summary: 'Events of a unit, its units and the units above it, latest first', querystring: s.EventListQuery, response: { 200: s.EventList, ...errors } },
  }, async (request) => ({ items: await listEvents(db, viewerOf(request), request.query.unit, request.query.limit ?? 100) }));

  // Registered before /events/:id/… so "attendance" is never read as an event id.
  app.get('/events/attendance', {
    config: { access: OFFICERS },
    schema: { tags, summary: 'Attendance of a unit and its units across their events: people once across events, attendances, walk-ins, per skill', querystring: s.UnitAttendanceQuery, response: { 200: s.UnitAttendanceSchema, ...errors } },
  }, (request) => unitAttendanceOf(db, viewerOf(request), request.query));

  app.get('/events/:id/attendance', {
    config: { access: FIELD_ROLES },
    schema: { tags, summary: 'People, attendances and walk-ins of an event, per skill, against its capacity', params: s.IdParams, response: { 200: s.AttendanceSchema, ...errors } },
  }, (request) => attendanceOf(db, viewerOf(request), request.params.id));

  app.get('/events/:id/public', {
    config: { access: 'public' },
    schema: { tags, summary: 'What the public registration form shows of an event', params: s.IdParams, response: { 200: s.PublicEventSchema, ...errors } },
  }, (request) => publicEvent(db, request.params.id));

  app.post('/events/:id/registrations', {
    // The answer is the registrant's own code; a team member registering a resident is signed in.
    config: { access: 'public', personalData: { own: true }, rateLimit: { max: REGISTRATIONS_PER_MINUTE, timeWindow: '1 minute' } },
    schema: { tags, summary: 'Register for an event (no login); answers a short code and its QR image', params: s.IdParams, body: s.RegistrationBody, response: { 201: s.RegistrationAnswer, ...errors } },
  }, async (request, reply) => reply.status(201).send(await register(db, request.viewer, request.params.id, request.body, options.secretKey)));
};
