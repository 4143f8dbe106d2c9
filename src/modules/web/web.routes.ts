import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { AppError } from '../../errors.js';
import { installationRoot } from '../../lib/installation-root.js';

export interface WebRoutesOptions {
  /** The built web app; defaults to web/dist of the installation. */
  distDir?: string;
}

/** Hashed file names never change content, so browsers may keep them for a year. */
const HASHED = 'public, max-age=31536000, immutable';
/** The shell, the worker and the manifest must be revalidated or phones keep an old app. */
const REVALIDATE = 'no-cache';
const NO_CACHE_FILES = new Set(['index.html', 'sw.js', 'manifest.webmanifest']);

/** The CSP sources of index.html's inline scripts ('sha256-…'), read again when the file changes. */
function inlineScriptHashes(indexFile: string): () => string[] {
  let seen: { mtimeMs: number; hashes: string[] } | undefined;
  return () => {
    const { mtimeMs } = fs.statSync(indexFile);
    if (seen?.mtimeMs !== mtimeMs) {
      const html = fs.readFileSync(indexFile, 'utf8');
      const hashes = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)]
        .map((found) => `'sha256-${createHash('sha256').update(found[1]!, 'utf8').digest('base64')}'`);
      seen = { mtimeMs, hashes };
    }
    return seen.hashes;
  };
}

/**
 * The page's Content-Security-Policy (set by helmet for every answer) with the inline scripts of
 * index.html allowed by their hashes, and nothing else inline: the script that paints the sign-in
 * form and starts the public page's request runs before the app's script has arrived.
 */
export function allowInlineScripts(policy: string, hashes: string[]): string {
  if (hashes.length === 0) return policy;
  const directives = policy.split(';').map((part) => part.trim()).filter(Boolean);
  const at = directives.findIndex((part) => part.split(/\s+/)[0] === 'script-src');
  if (at === -1) directives.push(`script-src 'self' ${hashes.join(' ')}`);
  else directives[at] = `${directives[at]} ${hashes.join(' ')}`;
  return directives.join(';');
}

const NOT_BUILT = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Doorstep</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5">
<h1>Doorstep</h1>
<p>Ứng dụng web chưa được build. Chạy <code>npm run build:web</code> (hoặc <code>npm ci</code>) rồi tải lại trang.</p>
<p lang="en">The web app is not built yet. Run <code>npm run build:web</code> (or <code>npm ci</code>) and reload this page.</p>
<p>API: <a href="/api/docs">/api/docs</a></p>
</body></html>
`;

/** A request path as a file inside dist, or undefined when it is not one (or tries to leave dist). */
function fileIn(distDir: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const relative = path.posix.normalize(decoded).replace(/^\/+/, '');
  if (relative === '' || relative.startsWith('..') || relative.includes('\0')) return undefined;
  const full = path.join(distDir, relative);
  if (!full.startsWith(distDir + path.sep)) return undefined;
  try {
    return fs.statSync(full).isFile() ? relative : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Serves the web app (web/dist) at `/`: files as built, with their .br/.gz twins when the
 * browser takes them, and index.html for every other non-/api GET so the app's own routes
 * survive a reload. Registered last, so every /api route is matched before the catch-all;
 * an unknown /api path still answers the JSON 404.
 */
export const webRoutes: FastifyPluginAsync<WebRoutesOptions> = async (app, options) => {
  const distDir = path.resolve(options.distDir ?? path.join(installationRoot(), 'web', 'dist'));
  const indexFile = path.join(distDir, 'index.html');

  // serve: false: our own route below decides what is a file, what is the app shell, and what is a 404.
  await app.register(fastifyStatic, { root: distDir, serve: false, preCompressed: true, cacheControl: false, suppressWarning: true });

  const hashes = inlineScriptHashes(indexFile);
  const sendShell = (reply: FastifyReply) => {
    const policy = reply.getHeader('content-security-policy');
    if (typeof policy === 'string') reply.header('content-security-policy', allowInlineScripts(policy, hashes()));
    return reply.header('cache-control', REVALIDATE).type('text/html; charset=utf-8').sendFile('index.html');
  };

  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const urlPath = request.url.split('?')[0] ?? '/';
    if (urlPath === '/api' || urlPath.startsWith('/api/')) throw new AppError('NOT_FOUND', `${request.method} ${urlPath}`);
    // Checked per request, so building while the server runs needs no restart.
    if (!fs.existsSync(indexFile)) {
      return reply.status(urlPath === '/' ? 200 : 404).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(NOT_BUILT);
    }
    const file = fileIn(distDir, urlPath);
    if (file === 'index.html') return sendShell(reply);
    if (file) {
      const name = path.posix.basename(file);
      reply.header('cache-control', file.startsWith('assets/') ? HASHED : NO_CACHE_FILES.has(name) ? REVALIDATE : 'public, max-age=86400');
      return reply.sendFile(file);
    }
    // A missing script or image is a 404, not the HTML shell: a stale chunk then fails loudly.
    if (/\.[a-z0-9]+$/i.test(urlPath)) throw new AppError('NOT_FOUND', `GET ${urlPath}`);
    return sendShell(reply);
  });
};
