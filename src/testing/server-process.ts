import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, where bin/doorstep.js lives. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A `doorstep` command running in a child process of its own, as an operator would start it. */
export interface DoorstepProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

export function runDoorstep(args: readonly string[], env: Record<string, string>): DoorstepProcess {
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin/doorstep.js'), ...args], {
    cwd: REPO_ROOT, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout!.on('data', (chunk: Buffer) => { text += chunk.toString(); });
  child.stderr!.on('data', (chunk: Buffer) => { text += chunk.toString(); });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => text, exited };
}

/** SIGKILL: no shutdown hook runs, no buffer is flushed, as when the machine loses power to the process. */
export async function killHard(process: DoorstepProcess): Promise<void> {
  process.child.kill('SIGKILL');
  await process.exited;
}

/** Starts `doorstep serve` and waits until /api/health answers. */
export async function startServer(port: number, env: Record<string, string>, timeoutMs = 180_000): Promise<DoorstepProcess & { base: string }> {
  const server = runDoorstep(['serve'], { ...env, PORT: String(port), HOST: '127.0.0.1' });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  void server.exited.then((code) => { exitCode = code; });
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`the server stopped (${exitCode}) before answering: ${server.output().slice(-2000)}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { ...server, base };
    } catch { /* not listening yet */ }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await killHard(server);
  throw new Error(`the server did not answer within ${timeoutMs} ms: ${server.output().slice(-2000)}`);
}

/** A signed-in client of a running server, speaking HTTP as the web app does. */
export interface Client {
  send(method: string, url: string, body?: unknown, contentType?: string): Promise<{ status: number; body: string }>;
}

export async function signIn(base: string, username: string, password: string): Promise<Client> {
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (!login.ok) throw new Error(`login of ${username}: ${login.status} ${await login.text()}`);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = await login.json() as { csrfToken: string };
  return {
    async send(method, url, body, contentType = 'application/json') {
      const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
      const response = await fetch(`${base}${url}`, {
        method, body: payload,
        headers: { cookie, 'x-csrf-token': csrfToken, ...(payload !== undefined ? { 'content-type': contentType } : {}) },
      });
      return { status: response.status, body: await response.text() };
    },
  };
}
