import type http from 'node:http';
import { bySecond, spreadInTenths } from './percentile.js';

/** The server's own time for one kind of request: from its headers read to its answer handed to the system. */
export interface RequestTimes {
  count: number; p50: number; p95: number; p99: number; max: number;
  /**
   * The same by the second (from the start of the timing) the requests arrived in: set beside the
   * load client's latencies of the same seconds, it tells whether a slow second was the server's.
   */
  bySecond: { second: number; count: number; p99: number; max: number }[];
}

// Ids in paths (UUIDs) become `:id`, so requests group by route and status: `POST /api/attempts/:id/submit 200`.
const ID = /\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?=\/|$|\?)/gi;

/**
 * Times every request `server` answers until the answered function is called, grouped by method,
 * route and status. Measured in the server, this leaves out what the load client adds (its own event
 * loop's lateness, its sockets), which the client's latencies hold; the two side by side tell
 * where a slow answer waited. Listens beside the application's own handler, so it needs no hook.
 */
export function timeRequests(server: http.Server): () => Record<string, RequestTimes> {
  // Per kind: each request's arrival (ms since the timing started) and its time.
  const times = new Map<string, [number, number][]>();
  const origin = performance.now();
  const onRequest = (request: http.IncomingMessage, response: http.ServerResponse) => {
    const started = performance.now();
    const route = `${request.method} ${(request.url ?? '').split('?')[0]!.replace(ID, '/:id')}`;
    response.once('finish', () => {
      const key = `${route} ${response.statusCode}`;
      const timed: [number, number] = [started - origin, performance.now() - started];
      const list = times.get(key);
      if (list) list.push(timed);
      else times.set(key, [timed]);
    });
  };
  server.on('request', onRequest);
  return () => {
    server.off('request', onRequest);
    return Object.fromEntries([...times].map(([key, list]) => [key, { ...spreadInTenths(list.map(([, ms]) => ms)), bySecond: perSecond(list) }]));
  };
}

function perSecond(list: readonly [number, number][]): RequestTimes['bySecond'] {
  return bySecond(list).map(([second, times]) => {
    const { count, p99, max } = spreadInTenths(times);
    return { second, count, p99, max };
  });
}
