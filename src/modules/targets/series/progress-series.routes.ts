import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { answerKey, KeptAnswers } from '../../../db/kept-answers.js';
import { keptOnPrimary, sessionStampsOn, type Reads } from '../../../db/read-replica.js';
import { withReferenceSnapshot } from '../../../db/reference-cache.js';
import { AppError } from '../../../errors.js';
import { OFFICERS } from '../../../http/access.js';
import { ErrorResponse } from '../../../http/schemas.js';
import { vietnamDay } from '../../../lib/vietnam-day.js';
import * as s from './progress-series.schema.js';
import { dashboardRoots, progressSeries, progressVersion } from './progress-series.service.js';
import { teamLeaderboard } from './team-leaderboard.service.js';

const tags = ['targets'];
// Every village's daily counts summed up to the day: kept until the data under it changes.
const leaderboards = new KeptAnswers<Awaited<ReturnType<typeof teamLeaderboard>>>();
const errors = { 400: ErrorResponse, 404: ErrorResponse };

/**
 * The officers' dashboard: trends, team leaderboards, where to start, and the live version stamp,
 * all read through `reads` (the replica when there is one). The stamp is read where the figures
 * are: a stamp from the primary would announce a change a lagging replica does not show yet, and
 * the dashboard would refetch the old figures and then wait for the next change.
 */
export const progressSeriesRoutes: FastifyPluginAsyncTypebox<{ reads: Reads }> = async (app, { reads }) => {

  app.get('/progress/series', {
    config: { access: OFFICERS },
    schema: {
      tags, summary: 'One indicator of a unit at each day, week or month, with its target and projection',
      querystring: s.SeriesQuery, response: { 200: s.SeriesSchema, ...errors },
    },
  }, (request) => reads.run((db) => withReferenceSnapshot(db, () => progressSeries(db, request.viewer, request.query.unit, request.lang, {
    indicatorCode: request.query.indicator, from: request.query.from, to: request.query.to, step: request.query.step,
  }), sessionStampsOn(reads, db, request.referenceStamps))));

  app.get('/progress/version', {
    config: { access: OFFICERS },
    schema: {
      tags, summary: 'A stamp that changes when the figures of the unit\'s province change: poll it, refetch on a change',
      querystring: s.VersionQuery, response: { 200: s.VersionSchema, ...errors },
    },
  }, async (request, reply) => {
    // Asked every few seconds by every open dashboard: no cache may answer for the server.
    reply.header('cache-control', 'no-store');
    return reads.run((db) => progressVersion(db, request.viewer, request.query.unit));
  });

  app.get('/progress/teams', {
    config: { access: OFFICERS },
    schema: {
      tags, summary: 'Teams of a unit\'s subtree ranked by visits, with households reached and milestones recorded',
      querystring: s.LeaderboardQuery, response: { 200: s.LeaderboardSchema, ...errors },
    },
  }, (request) => reads.run((db) => {
    const options = { from: request.query.from, to: request.query.to ?? vietnamDay(), limit: request.query.limit ?? 20 };
    const key = answerKey(request.viewer, request.lang, request.query.unit, options.from ?? null, options.to, options.limit);
    return keptOnPrimary(reads, leaderboards, db, key, () => teamLeaderboard(db, request.viewer, request.query.unit, options));
  }));

  app.get('/progress/roots', {
    config: { access: OFFICERS },
    schema: { tags, summary: 'Where the signed-in officer\'s dashboard starts: their unit, or every province', response: { 200: s.RootsSchema } },
  }, async (request) => {
    if (!request.viewer) throw new AppError('UNAUTHENTICATED');
    const viewer = request.viewer;
    return { items: await reads.run((db) => dashboardRoots(db, viewer)) };
  });
};
