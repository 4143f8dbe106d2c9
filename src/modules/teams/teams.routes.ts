import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AppError } from '../../errors.js';
import { FIELD_ROLES, OFFICERS } from '../../http/access.js';
import { ErrorResponse } from '../../http/schemas.js';
import { vietnamDay } from '../../lib/vietnam-day.js';
import { spreadsheetFormatOf, XLSX_MEDIA_TYPE } from '../../lib/xlsx.js';
import { previewTeamImport } from './team-import-preview.js';
import { importTeams } from './team-imports.js';
import * as s from './teams.schema.js';
import { addMember, createTeam, endMember, getTeam, listTeams, moveMember, setLeader, updateTeam } from './teams.service.js';

const tags = ['teams'];
const errors = { 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse };
const IMPORT_BODY_LIMIT = 10 * 1024 * 1024;

/**
 * Community digital technology teams under /api/teams: read by officers and team members in
 * scope, changed by commune officers (their commune) and province officers.
 */
export const teamRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database;

  // Spreadsheets arrive as raw bytes; only this plugin's routes accept them.
  app.addContentTypeParser(XLSX_MEDIA_TYPE, { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  app.get('/', {
    config: { access: FIELD_ROLES, personalData: { audit: 'teams.list' } },
    schema: { tags, summary: 'Teams in a unit\'s subtree, by unit code', querystring: s.TeamListQuery, response: { 200: s.TeamPage, ...errors } },
  }, (request) => listTeams(db, request.viewer, request.query.unit, {
    day: request.query.date, after: request.query.after, limit: request.query.limit ?? 100,
  }));

  app.post('/', {
    config: { access: OFFICERS, personalData: { audit: 'teams.write' } },
    schema: { tags, summary: 'Set up a team in a village-level or commune-level unit', body: s.CreateTeamBody, response: { 201: s.TeamDetailSchema, ...errors } },
  }, async (request, reply) => reply.status(201).send(await createTeam(db, request.viewer, request.body)));

  app.post('/import', {
    bodyLimit: IMPORT_BODY_LIMIT,
    config: { access: OFFICERS },
    schema: {
      tags,
      summary: 'Import teams and members: village_code, team_name, member_name, affiliation, role, phone, username',
      querystring: s.ImportQuery,
      // Raw bytes, checked by the import itself; declared per content type for the API document.
      body: { content: { 'text/csv': { schema: s.CsvFile }, [XLSX_MEDIA_TYPE]: { schema: s.XlsxFile } } },
      response: { 200: s.ImportSummarySchema, ...errors },
    },
  }, (request) => {
    // JSON or a form would arrive parsed; only the raw bytes of a CSV or workbook are a file.
    if (!Buffer.isBuffer(request.body)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send text/csv or an xlsx workbook', 'body');
    const format = spreadsheetFormatOf(request.headers['content-type']);
    return importTeams(db, request.viewer, request.body, format, request.query.date ?? vietnamDay());
  });

  app.post('/import/preview', {
    bodyLimit: IMPORT_BODY_LIMIT,
    // The rows carry members' names: every preview is in the access log.
    config: { access: OFFICERS, personalData: { audit: 'teams.import.preview' } },
    schema: {
      tags,
      summary: 'Every row of a team file and what it would do, or why it is refused; nothing is written',
      querystring: s.ImportQuery,
      body: { content: { 'text/csv': { schema: s.CsvFile }, [XLSX_MEDIA_TYPE]: { schema: s.XlsxFile } } },
      response: { 200: s.ImportPreviewSchema, ...errors },
    },
  }, (request) => {
    if (!Buffer.isBuffer(request.body)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send text/csv or an xlsx workbook', 'body');
    const format = spreadsheetFormatOf(request.headers['content-type']);
    return previewTeamImport(db, request.viewer, request.body, format, request.query.date ?? vietnamDay(), request.lang);
  });

  app.get('/:id', {
    config: { access: FIELD_ROLES, personalData: { auditedBy: 'service' } },
    schema: { tags, summary: 'A team with every member it has had, roles on the day', params: s.TeamParams, querystring: s.DayQuery, response: { 200: s.TeamDetailSchema, ...errors } },
  }, (request) => getTeam(db, request.viewer, request.params.id, request.query.date));

  app.patch('/:id', {
    config: { access: OFFICERS, personalData: { audit: 'teams.write' } },
    schema: { tags, summary: 'Rename a team or record its founding decision', params: s.TeamParams, body: s.UpdateTeamBody, response: { 200: s.TeamDetailSchema, ...errors } },
  }, (request) => updateTeam(db, request.viewer, request.params.id, request.body));

  app.post('/:id/members', {
    config: { access: OFFICERS, personalData: { audit: 'teams.write' } },
    schema: { tags, summary: 'Add a member', params: s.TeamParams, body: s.AddMemberBody, response: { 201: s.TeamMemberSchema, ...errors } },
  }, async (request, reply) => reply.status(201).send(await addMember(db, request.viewer, request.params.id, request.body)));

  app.post('/:id/members/:memberId/end', {
    config: { access: OFFICERS, personalData: { audit: 'teams.write' } },
    schema: { tags, summary: 'A member leaves the team on a day', params: s.MemberParams, body: s.EndMemberBody, response: { 200: s.TeamMemberSchema, ...errors } },
  }, (request) => endMember(db, request.viewer, request.params.id, request.params.memberId, request.body.leftOn));

  app.post('/:id/members/:memberId/move', {
    config: { access: OFFICERS, personalData: { audit: 'teams.write' } },
    schema: { tags, summary: 'A member moves to another team on a day (leaves this one, joins that one)', params: s.MemberParams, body: s.MoveMemberBody, response: { 200: s.TeamMemberSchema, ...errors } },
  }, (request) => moveMember(db, request.viewer, request.params.id, request.params.memberId, request.body));

  app.post('/:id/leader', {
    config: { access: OFFICERS, personalData: { audit: 'teams.write' } },
    schema: { tags, summary: 'Hand the leadership to a member from a day on', params: s.TeamParams, body: s.SetLeaderBody, response: { 200: s.TeamDetailSchema, ...errors } },
  }, (request) => setLeader(db, request.viewer, request.params.id, request.body));
};
