import type { FastifyInstance } from 'fastify';

/** How long closing waits for handlers still running before it goes on regardless. */
const SETTLE_LIMIT_MS = 30_000;

/**
 * Closing waits for every route handler still running. A client that leaves mid-request closes
 * its connection, so the server stops waiting for it, but its handler goes on: without this the
 * database would close under it, and a write it had started would fail half done.
 */
export function waitForHandlersOnClose(app: FastifyInstance): void {
  const running = new Set<Promise<unknown>>();
  app.addHook('onRoute', (route) => {
    const handler = route.handler;
    route.handler = function trackedHandler(this: FastifyInstance, ...args: Parameters<typeof handler>) {
      const result: unknown = handler.apply(this, args);
      if (result instanceof Promise) {
        running.add(result);
        const forget = () => running.delete(result);
        result.then(forget, forget);
      }
      return result as ReturnType<typeof handler>;
    };
  });
  app.addHook('onClose', async () => {
    if (running.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, SETTLE_LIMIT_MS);
      timer.unref();
    });
    await Promise.race([Promise.allSettled([...running]), limit]);
    clearTimeout(timer);
  });
}
