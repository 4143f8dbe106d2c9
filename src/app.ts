import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import compress from '@fastify/compress';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Config } from './config.js';
import type { DatabaseHandle } from './db/database.js';
import { primaryReads, replicaReads, type Reads, type ReadsOptions } from './db/read-replica.js';
import { AppError, loggableError, toErrorResponse } from './errors.js';
import { answerClientError, answerFrameworkError, inputGuard } from './http/input-guard.js';
import { COMPRESSION } from './http/kept-bytes.js';
import { securityHeaders } from './http/security-headers.js';
import { waitForHandlersOnClose } from './http/handlers-in-flight.js';
import { buildValidators } from './http/validators.js';
import { pickLanguage } from './i18n/index.js';
import { authHooks } from './modules/auth/auth.hooks.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { personalDataHooks } from './modules/auth/personal-data.hooks.js';
import { auditRoutes } from './modules/auth/audit.routes.js';
import { userRoutes } from './modules/auth/users.routes.js';
import { identityRoutes } from './modules/auth/identities.routes.js';
import { ssoRoutes } from './modules/auth/sso.routes.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { unitRoutes } from './modules/units/units.routes.js';
import { reorganisationHooks } from './modules/reorganisation/reorganisation.service.js';
import { statisticProposalRoutes } from './modules/units/statistic-proposals.routes.js';
import { milestoneKindRoutes } from './modules/people/people.routes.js';
import { skillRoutes } from './modules/learning/learning.routes.js';
import { learnerRoutes } from './modules/learning/courses.routes.js';
import { learningAdminRoutes } from './modules/learning/learning-admin.routes.js';
import { syncRoutes } from './modules/outreach/sync.routes.js';
import { coverageRoutes } from './modules/outreach/coverage.routes.js';
import { teamDeskRoutes } from './modules/outreach/team-desk.routes.js';
import { committeeRoutes } from './modules/teams/committees.routes.js';
import { teamRoutes } from './modules/teams/teams.routes.js';
import { indicatorRoutes } from './modules/targets/indicators/indicators.routes.js';
import { progressRoutes } from './modules/targets/progress/progress.routes.js';
import { progressSeriesRoutes } from './modules/targets/series/progress-series.routes.js';
import { supervisionRoutes } from './modules/targets/supervision/supervision.routes.js';
import { dhis2MappingRoutes } from './modules/reports/dhis2/dhis2-mapping.routes.js';
import { reportRoutes } from './modules/reports/reports.routes.js';
import { phaseRoutes } from './modules/reports/phases/phase.routes.js';
import { publicRoutes } from './modules/reports/public/public.routes.js';
import { webRoutes } from './modules/web/web.routes.js';
import { contestRoutes } from './modules/contest/contest.routes.js';
import { contestAdminRoutes } from './modules/contest/contest-admin.routes.js';
import { eventRoutes } from './modules/events/events.routes.js';
import { materialRoutes } from './modules/events/materials.routes.js';
import { certificateRoutes, jwksRoutes } from './modules/learning/certificates/certificates.routes.js';
import { xapiRoutes } from './modules/xapi/xapi.routes.js';
import { learningImportRoutes } from './modules/learning-imports/learning-imports.routes.js';

export type App = FastifyInstance;

export interface AppDependencies {
  database: DatabaseHandle;
  /**
   * A streaming replica of `database` (DATABASE_REPLICA_URL): the dashboard's and reports' reads
   * go there while it answers. Its owner opens and closes it.
   */
  replica?: DatabaseHandle;
  /** How reads fall back from the replica (back-off, a hook that sees where each read ran); tests set it. */
  replicaReads?: ReadsOptions;
  /** Key of the keyed hashes of national ID numbers (see src/lib/secret-key.ts). */
  secretKey: string;
  /** Records of its village a device keeps at most (default 10,000); tests lower it. */
  syncPullCap?: number;
  /** "Recorded in another unit" answers an account gets per hour (default 20); tests lower it. */
  duplicateAnswersPerHour?: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    database: DatabaseHandle;
    /** Where dashboard and report reads run: the replica when set, else the primary. */
    reads: Reads;
  }
}

/** Builds the HTTP application around an open database; listening is the caller's business. */
export async function buildApp(config: Config, deps: AppDependencies): Promise<App> {
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    bodyLimit: 1024 * 1024,
    // Query strings and params are coerced ("limit=50"), bodies never ({"n":"5"} is not 5).
    schemaController: { compilersFactory: { buildValidator: buildValidators() } },
    // A URL that is not UTF-8 and what Node refuses before routing answer in the one error shape.
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
    // Behind a reverse proxy, name it in TRUST_PROXY; trusting any X-Forwarded-For would let a
    // caller pick its own address and walk around the login rate limit.
    trustProxy: config.trustProxy ?? false,
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate('config', config);
  app.decorate('database', deps.database);
  const reads = deps.replica
    ? replicaReads(deps.database.db, deps.replica.db, deps.replicaReads?.log ?? app.log, deps.replicaReads)
    : primaryReads(deps.database.db);
  app.decorate('reads', reads);
  app.decorateRequest('lang', 'vi');

  // Callback style, as the other per-request hooks that wait for nothing: an async hook costs a promise per request.
  app.addHook('onRequest', (request, _reply, done) => {
    request.lang = pickLanguage(request.headers['accept-language']);
    done();
  });

  // Every API route must say who may call it; forgetting is a start-up error, not an open door.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/') && !route.url.startsWith('/api/docs') && route.config?.access === undefined) {
      throw new Error(`Route ${route.method} ${route.url} declares no access`);
    }
  });

  waitForHandlersOnClose(app);

  app.setErrorHandler((error, request, reply) => {
    const { status, body } = toErrorResponse(error, request.lang);
    if (status >= 500) request.log.error({ err: loggableError(error) }, 'request failed');
    return reply.status(status).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    const { status, body } = toErrorResponse(new AppError('NOT_FOUND', `${request.method} ${request.url}`), request.lang);
    return reply.status(status).send(body);
  });

  app.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  // Answers over 1 KB travel compressed: the public progress page's 100 KB of JSON is 5.5 KB
  // gzipped, which on slow 3G is seconds. Brotli at quality 4 costs about what gzip does.
  await app.register(compress, { global: true, ...COMPRESSION, encodings: [...COMPRESSION.encodings] });
  // Helmet's defaults, and blob: for images, audio and video: the field app opens materials kept on the phone as blob URLs.
  // Set from a list made once at start-up (src/http/security-headers.ts), the same headers as registering @fastify/helmet.
  await securityHeaders(app, { contentSecurityPolicy: { directives: { 'img-src': ["'self'", 'data:', 'blob:'], 'media-src': ["'self'", 'blob:'] } } });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Doorstep API', description: 'Digital Education for All: units, people, outreach, learning, contest, targets.', version: '0.1.0' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'doorstep_session' } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  await app.register(authHooks);
  await app.register(inputGuard);
  // Before every route, so it sees them all (the route table) and marks their answers.
  await app.register(personalDataHooks);
  await app.register(healthRoutes, { prefix: '/api' });
  await app.register(authRoutes, { prefix: '/api/auth' });
  await app.register(ssoRoutes, { prefix: '/api/auth/sso', secretKey: deps.secretKey });
  await app.register(userRoutes, { prefix: '/api/users' });
  await app.register(identityRoutes, { prefix: '/api/users', secretKey: deps.secretKey });
  await app.register(auditRoutes, { prefix: '/api/audit' });
  await app.register(unitRoutes, { prefix: '/api/units', reorganisation: reorganisationHooks });
  await app.register(statisticProposalRoutes, { prefix: '/api/statistic-proposals' });
  await app.register(milestoneKindRoutes, { prefix: '/api/milestone-kinds' });
  await app.register(skillRoutes, { prefix: '/api/skills' });
  await app.register(learnerRoutes, { prefix: '/api/learning' });
  await app.register(learningAdminRoutes, { prefix: '/api/learning-admin' });
  await app.register(syncRoutes, { prefix: '/api/sync', secretKey: deps.secretKey, pullCap: deps.syncPullCap, duplicateAnswersPerHour: deps.duplicateAnswersPerHour });
  await app.register(coverageRoutes, { prefix: '/api/coverage' });
  await app.register(teamDeskRoutes, { prefix: '/api/team-desk' });
  await app.register(teamRoutes, { prefix: '/api/teams' });
  await app.register(committeeRoutes, { prefix: '/api/committees' });
  await app.register(supervisionRoutes, { prefix: '/api' });
  await app.register(indicatorRoutes, { prefix: '/api' });
  await app.register(progressRoutes, { prefix: '/api', reads });
  await app.register(reportRoutes, { prefix: '/api/reports', reads });
  await app.register(dhis2MappingRoutes, { prefix: '/api/dhis2' });
  await app.register(phaseRoutes, { prefix: '/api/reports' });
  await app.register(publicRoutes, { prefix: '/api/public', reads });
  await app.register(progressSeriesRoutes, { prefix: '/api', reads });
  await app.register(contestRoutes, { prefix: '/api', secretKey: deps.secretKey });
  await app.register(contestAdminRoutes, { prefix: '/api/contest-admin', secretKey: deps.secretKey });
  await app.register(eventRoutes, { prefix: '/api', secretKey: deps.secretKey });
  await app.register(materialRoutes, { prefix: '/api' });
  await app.register(certificateRoutes, { prefix: '/api' });
  await app.register(jwksRoutes);
  await app.register(xapiRoutes, { prefix: '/api/xapi' });
  await app.register(learningImportRoutes, { prefix: '/api/learning-imports', secretKey: deps.secretKey });
  // The web app: a catch-all GET outside /api (the router prefers every /api route over it); keep it last.
  await app.register(webRoutes);

  return app;
}
