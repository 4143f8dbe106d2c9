import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Reads } from '../../../db/read-replica.js';
import { ErrorResponse, Nullable, UnitCode } from '../../../http/schemas.js';
import type { Language } from '../../../i18n/index.js';
import { vietnamDay } from '../../../lib/vietnam-day.js';
import { publicProgress, publicProvinces, type PublicProgress, type PublicProvince } from './public.service.js';
import { SummarySchema } from '../reports.schema.js';
import { TtlCache } from '../ttl-cache.js';

/** How long the public figures are served from memory, and what browsers and proxies are told. */
export const PUBLIC_CACHE_SECONDS = 60;
/** Requests per client address and minute: enough for a person, not for a scraper loop. */
export const PUBLIC_RATE_LIMIT = 120;

const Status = Type.String();
const PublicProgressSchema = Type.Object({
  unit: Type.Object({ code: Type.String(), name: Type.String(), type: Type.String(), tier: Type.String(), provinceCode: Type.String() }),
  day: Type.String(),
  indicators: Type.Array(Type.Object({
    code: Type.String(), name: Type.String(), unitLabel: Type.String(), percent: Type.Boolean(),
    numerator: Nullable(Type.Number()), denominator: Nullable(Type.Number()), value: Nullable(Type.Number()),
    target: Nullable(Type.Number()), deadline: Nullable(Type.String()), status: Status, suspect: Type.Boolean(),
  })),
  ranking: Type.Array(Type.Object({
    indicatorCode: Type.String(), name: Type.String(), unitLabel: Type.String(), percent: Type.Boolean(),
    units: Type.Array(Type.Object({ rank: Nullable(Type.Integer()), code: Type.String(), name: Type.String(), value: Nullable(Type.Number()), status: Status })),
  })),
  summary: SummarySchema,
});

const PublicProvincesSchema = Type.Object({
  items: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
});

const PublicPageSchema = Type.Object({
  provinces: PublicProvincesSchema.properties.items,
  progress: Nullable(PublicProgressSchema),
});

/** The public page's data under /api/public: no login, cached, rate-limited, read through `reads` (the replica when there is one). */
export const publicRoutes: FastifyPluginAsyncTypebox<{ reads: Reads }> = async (app, { reads }) => {
  const cache = new TtlCache<PublicProgress>(PUBLIC_CACHE_SECONDS * 1000);
  const provinces = new TtlCache<{ items: PublicProvince[] }>(PUBLIC_CACHE_SECONDS * 1000);
  const limits = { access: 'public' as const, rateLimit: { max: PUBLIC_RATE_LIMIT, timeWindow: '1 minute' } };

  // The public page opens without a unit in its address: it needs the provinces to start from.
  app.get('/provinces', {
    config: limits,
    schema: {
      tags: ['public'], summary: 'The provinces the public page can show',
      response: { 200: PublicProvincesSchema, 429: ErrorResponse },
    },
  }, async (_request, reply) => {
    const day = vietnamDay();
    const body = await provincesOf(day);
    reply.header('cache-control', `public, max-age=${PUBLIC_CACHE_SECONDS}`);
    return body;
  });

  const provincesOf = (day: string) => provinces.get(day, async () => ({ items: await reads.run((db) => publicProvinces(db, day)) }));
  const progressOf = (unit: string, lang: Language, day: string) =>
    cache.get(`${unit}|${lang}|${day}`, () => reads.run((db) => publicProgress(db, unit, lang, day)));

  // What the public page shows first, in one request that index.html starts before the app's script
  // has arrived: on slow 3G each request made after another costs a round trip of 0.4 s or more.
  app.get('/page', {
    config: limits,
    schema: {
      tags: ['public'],
      summary: 'The public page in one answer: the provinces, and the figures of the unit asked for (without one: of the only province, if there is only one)',
      querystring: Type.Object({ unit: Type.Optional(UnitCode) }),
      response: { 200: PublicPageSchema, 400: ErrorResponse, 404: ErrorResponse, 429: ErrorResponse },
    },
  }, async (request, reply) => {
    const day = vietnamDay();
    const { items } = await provincesOf(day);
    const unit = request.query.unit ?? (items.length === 1 ? items[0]!.code : undefined);
    const progress = unit === undefined ? null : await progressOf(unit, request.lang, day);
    reply.header('cache-control', `public, max-age=${PUBLIC_CACHE_SECONDS}`);
    reply.header('vary', 'Accept-Language');
    return { provinces: items, progress };
  });

  app.get('/progress', {
    config: limits,
    schema: {
      tags: ['public'], summary: 'A province\'s or commune\'s figures, the commune ranking and the summary, for the public page',
      querystring: Type.Object({ unit: UnitCode }),
      response: { 200: PublicProgressSchema, 400: ErrorResponse, 404: ErrorResponse, 429: ErrorResponse },
    },
  }, async (request, reply) => {
    const day = vietnamDay();
    const body = await progressOf(request.query.unit, request.lang, day);
    reply.header('cache-control', `public, max-age=${PUBLIC_CACHE_SECONDS}`);
    reply.header('vary', 'Accept-Language');
    return body;
  });
};
