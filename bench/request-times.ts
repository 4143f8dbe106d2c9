import type http from 'node:http';
import { percentile } from './percentile.js';

/** The server's own time for one kind of request: from its headers read to its answer handed to the system. */
export interface RequestTimes { count: number; p50: number; p95: number; p99: number; max: number }

// Ids in paths (UUIDs) become `:id`, so requests group by route and status: `POST /api/attempts/:id/submit 200`.
const ID = /\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?=\/|$|\?)/gi;

/**
 * Times every request `server` answers until the answered function is called, grouped by method,
 * route and status. Measured in the server, this leaves out what the load client adds (its own event
 * loop's lateness, its sockets), which the client's latencies hold; the two side by side tell
 * where a slow answer waited. Listens beside the application's own handler, so it needs no hook.
 */
export function timeRequests(server: http.Server): () => Record<string, RequestTimes> {
  const times = new Map<string, number[]>();
  const onRequest = (request: http.IncomingMessage, response: http.ServerResponse) => {
    const started = performance.now();
    const route = `${request.method} ${(request.url ?? '').split('?')[0]!.replace(ID, '/:id')}`;
    response.once('finish', () => {
      const key = `${route} ${response.statusCode}`;
      const list = times.get(key);
      if (list) list.push(performance.now() - started);
      else times.set(key, [performance.now() - started]);
    });
  };
  server.on('request', onRequest);
  return () => {
    server.off('request', onRequest);
    const ms = (sorted: number[], p: number) => Math.round(percentile(sorted, p) * 10) / 10;
    return Object.fromEntries([...times].map(([key, list]) => {
      const sorted = list.sort((a, b) => a - b);
      return [key, { count: sorted.length, p50: ms(sorted, 50), p95: ms(sorted, 95), p99: ms(sorted, 99), max: ms(sorted, 100) }];
    }));
  };
}
