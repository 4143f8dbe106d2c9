import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../errors.js';
import { ErrorResponse } from '../../http/schemas.js';
import { startWithToken, submitWithToken } from './attempts.service.js';
import * as s from './contest.schema.js';
import { getContestState, getPhase, listCurrentContests, listPublishedContests } from './contests.service.js';
import { findParticipant, PARTICIPANT_COOKIE, PARTICIPANT_COOKIE_DAYS, registerParticipant, requireParticipant } from './participants.service.js';
import { leaderboard, phaseWinners, unitResults } from './results.service.js';
import { listAllChildren } from '../units/units.service.js';

const tags = ['contest'];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse, 429: ErrorResponse };

/**
 * The public side of the contest: no account, a participant cookie instead (see
 * docs/decisions.md). Routes under /api: /contests… and /attempts/:id/submit.
 */
export const contestRoutes: FastifyPluginAsyncTypebox<{ secretKey: string }> = async (app, options) => {
  const { db } = app.database;
  const cookieOf = (request: FastifyRequest) => request.cookies[PARTICIPANT_COOKIE];
  // Per person where a participant cookie is present, else per address. The counters are kept
  // for 100,000 people per route (about 20 MB at most): the plugin's default of 5,000 dropped
  // the counts of everyone but the last 5,000 while ten thousand started in the same minute, so
  // a person's limit reset before it was reached.
  const perPerson = {
    max: app.config.contestPersonRateLimit, timeWindow: '1 minute', cache: 100_000,
    keyGenerator: (request: FastifyRequest) => cookieOf(request) ?? request.ip,
  };

  app.get('/contests', {
    config: { access: 'public' },
    schema: { tags, summary: 'Contests open today or coming, with their phases', response: { 200: s.ContestList } },
  }, async () => ({ items: await listCurrentContests(db) }));

  app.get('/contests/published', {
    config: { access: 'public' },
    schema: { tags, summary: 'Contests with published results', response: { 200: s.ContestList } },
  }, async () => ({ items: await listPublishedContests(db) }));

  app.get('/contests/:id/units', {
    config: { access: 'public' },
    schema: { tags, summary: 'The commune-level units a participant picks from when registering', params: s.IdParams, response: { 200: s.UnitChoices, ...errors } },
  }, async (request) => {
    const contest = await getContestState(db, request.params.id);
    return { items: (await listAllChildren(db, contest.provinceCode)).map((u) => ({ code: u.code, name: u.name })) };
  });

  app.post('/contests/participants', {
    config: { access: 'public', personalData: { own: true }, rateLimit: { max: app.config.contestRegisterRateLimit, timeWindow: '1 minute' } },
    schema: { tags, summary: 'Register for the contests of a province (name, phone, unit), or sign in again on another phone', body: s.RegisterBody, response: { 200: s.ParticipantSchema, ...errors } },
  }, async (request, reply) => {
    const { participant, token } = await registerParticipant(db, options.secretKey, request.body);
    reply.setCookie(PARTICIPANT_COOKIE, token, {
      httpOnly: true, sameSite: 'strict', secure: app.config.cookieSecure, path: '/api', maxAge: PARTICIPANT_COOKIE_DAYS * 86400,
    });
    return { fullName: participant.fullName, unitCode: participant.unitCode, provinceCode: participant.provinceCode };
  });

  app.get('/contests/participants/me', {
    config: { access: 'public', personalData: { own: true } },
    schema: { tags, summary: 'The participant this browser is registered as', response: { 200: s.ParticipantSchema, ...errors } },
  }, async (request) => {
    const participant = await requireParticipant(db, cookieOf(request));
    return { fullName: participant.fullName, unitCode: participant.unitCode, provinceCode: participant.provinceCode };
  });

  // The synchronised moment's two routes answer without compression: the paper is about 2 KB,
  // two TCP segments either way, and compressing it was a per-request cost of the server's
  // while ten thousand start together. Their bodies come uncompressed, so no decompression hook.
  const uncompressed = { compress: false, decompress: false } as const;

  app.post('/contests/:id/attempts', {
    ...uncompressed,
    config: { access: 'public', rateLimit: perPerson },
    schema: { tags, summary: 'Start an attempt, or resume the running one (same questions, same deadline)', params: s.IdParams, response: { 200: s.AttemptSchema, ...errors } },
  }, async (request, reply) => {
    const paper = await startWithToken(db, cookieOf(request), request.params.id, request.ip);
    // The paper's own bytes, as its schema's serialiser writes them (paper-bytes.ts; the route's
    // test compares the two). Fastify sends a Buffer as it is; its type knows only the schema's shape.
    return reply.type('application/json; charset=utf-8').send(paper.bytes as never);
  });

  app.post('/attempts/:id/submit', {
    ...uncompressed,
    config: { access: 'public', rateLimit: perPerson },
    schema: { tags, summary: 'Submit the answers and the prediction; scored once', params: s.IdParams, body: s.SubmitBody, response: { 200: s.SubmitResult, ...errors } },
  }, async (request) => submitWithToken(db, cookieOf(request), request.params.id, request.body, request.ip));

  app.get('/contests/:id/leaderboard', {
    config: { access: 'public' },
    schema: { tags, summary: 'A phase\'s leaderboard (names shortened), and the asking participant\'s place', params: s.IdParams, querystring: s.LeaderboardQuery, response: { 200: s.Leaderboard, ...errors } },
  }, async (request) => {
    const contest = await getContestState(db, request.params.id);
    const participant = await findParticipant(db, cookieOf(request));
    return leaderboard(db, contest, request.query.phase, request.query.limit ?? 50, participant?.id);
  });

  app.get('/contests/:id/results', {
    config: { access: 'public', personalData: { published: true } },
    schema: { tags, summary: 'The published results of a phase: winners and units by prize score', params: s.IdParams, querystring: s.ResultsQuery, response: { 200: s.Results, ...errors } },
  }, async (request) => {
    const contest = await getContestState(db, request.params.id);
    const phase = getPhase(contest, request.query.phase);
    // Until the organisers publish, winners are not public: answered as missing.
    if (!phase.publishedAt || phase.participantCount === null) throw new AppError('PHASE_NOT_FOUND', 'Not published', 'phase');
    return {
      phase: phase.number, participantCount: phase.participantCount, publishedAt: phase.publishedAt,
      winners: await phaseWinners(db, contest, phase.number),
      units: await unitResults(db, contest, phase.number),
    };
  });
};
