import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, toErrorResponse, type ErrorCode } from '../errors.js';
import { findUnstorable, isKnownStorable, type ValueKey } from './storable-input.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Set by a route whose body is a batch that answers per item (`items[].data`): such data is
     * checked item by item by the route, so one bad item does not refuse the whole batch.
     */
    checksItemDataItself?: boolean;
  }
}

/** `items[i].data`: the keys that lead to one item's data in a batch. */
const isItemData = (keys: readonly ValueKey[]) => keys.length === 3 && keys[0] === 'items' && typeof keys[1] === 'number' && keys[2] === 'data';

/**
 * Refuses, after schema validation and before any handler, a request whose params, query or
 * body hold a string PostgreSQL cannot store or a number no column holds, naming the field
 * the way validation errors do (`querystring.after`, `params.id`, `items[1].data.notes`).
 */
export const inputGuard = Object.assign(
  async function inputGuard(app: FastifyInstance): Promise<void> {
    app.addHook('preHandler', async (request) => {
      const skip = request.routeOptions.config?.checksItemDataItself ? isItemData : undefined;
      const found =
        prefixed('params', findUnstorable(request.params)) ??
        prefixed('querystring', findUnstorable(request.query)) ??
        (isKnownStorable(request.body) ? undefined : findUnstorable(request.body, skip));
      if (found !== undefined) throw new AppError('VALIDATION_FAILED', 'text or number that cannot be stored', found || 'body');
    });
  },
  { [Symbol.for('skip-override')]: true, [Symbol.for('fastify.display-name')]: 'input-guard' },
);

const prefixed = (part: string, path: string | undefined) => (path === undefined ? undefined : path ? `${part}.${path}` : part);

/**
 * Fastify's own answers to a URL it cannot decode (`/api/units/%ED%A0%80`), in the one error
 * shape instead of Fastify's.
 */
export function answerFrameworkError(_error: Error, request: FastifyRequest, reply: FastifyReply): void {
  const { status, body } = toErrorResponse(new AppError('BAD_REQUEST', 'The URL is not valid UTF-8', 'url'), request.lang ?? 'vi');
  void reply.status(status).send(body);
}

const CLIENT_ERRORS: Record<string, ErrorCode> = {
  HPE_HEADER_OVERFLOW: 'HEADERS_TOO_LARGE',
  ERR_HTTP_REQUEST_TIMEOUT: 'REQUEST_TIMEOUT',
  HPE_URI_TOO_LONG: 'URI_TOO_LONG',
};

/**
 * Requests Node's parser refuses before Fastify sees them (headers or URL over the size
 * limit, a malformed request line, a timeout): the same error shape, in Vietnamese since no
 * Accept-Language was read, then the connection closes as Node's own handler would.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const { status, body } = toErrorResponse(new AppError(CLIENT_ERRORS[error.code ?? ''] ?? 'BAD_REQUEST'), 'vi');
  const text = JSON.stringify(body);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(text)}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${text}`,
    );
  }
  socket.destroy(error);
}
