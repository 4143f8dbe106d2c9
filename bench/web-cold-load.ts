/**
 * Cold load of the web app on slow 3G (`npm run bench:web`): starts the real server as `npm start`
 * does (`doorstep serve`, demo province, a fresh data folder), puts a byte-counting proxy in front of
 * it, and opens pages in Chromium with an empty cache, the network throttled to 400 ms / 400 kbit/s
 * and the CPU slowed 4× (Chrome DevTools Protocol). It measures when the sign-in form can be typed
 * in and when the app has taken it over, when the public page shows its figures, and the bytes a
 * first visit costs including what the service worker downloads; and how long the demo learner waits
 * for a lesson, cold from its link and warm from "my courses" (web-lesson-load.ts). Needs
 * `npm run build:web` first.
 *
 * Options: BENCH_RUNS (default 3, the median is reported), BENCH_PORT (default 3149 for the server).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH } from '../e2e/support/chromium.js';
import { peakRssOfProcess } from './server-meter.js';
import { measureLesson, prepareLearner, type LessonRun } from './web-lesson-load.js';
import { CPU_SLOWDOWN, marksOf, networkQuiet, NETWORK, throttledPage, type Marks } from './web-slow-3g.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SERVER_PORT = Number(process.env.BENCH_PORT ?? 3149);
const DEMO_PASSWORD = 'bench-demo-password';
const BUDGET = { loginMs: 3000, figuresMs: 4000, lessonMs: 3000 };

/** A TCP proxy that counts the bytes the server sends: the page's and the service worker's alike. */
function countingProxy(targetPort: number): Promise<{ port: number; bytes: () => number; reset: () => void; close: () => void }> {
  let received = 0;
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    upstream.on('data', (chunk: Buffer) => {
      received += chunk.length;
    });
    client.pipe(upstream).pipe(client);
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end);
    upstream.on('error', end);
    client.on('close', end);
    upstream.on('close', end);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      resolve({ port, bytes: () => received, reset: () => { received = 0; }, close: () => server.close() });
    });
  });
}

async function startDoorstep(dataDir: string): Promise<ChildProcess> {
  // Run as `npx doorstep serve` runs it: through the file's first line, with the server's heap limit.
  const child = spawn(path.join(ROOT, 'bin/doorstep.js'), ['serve'], {
    cwd: ROOT,
    env: {
      ...process.env, PORT: String(SERVER_PORT), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn',
      DOORSTEP_DEMO_PASSWORD: DEMO_PASSWORD, DOORSTEP_ADMIN_PASSWORD: 'bench-admin-password', DATABASE_URL: '',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const started = Date.now();
  // The first start builds the demo province; the public figures answer once it is there.
  for (;;) {
    if (child.exitCode !== null) throw new Error(`doorstep serve exited with ${child.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${SERVER_PORT}/api/public/page`).then((r) => r.ok, () => false);
    if (ok) return child;
    if (Date.now() - started > 600_000) throw new Error('the server did not answer within 10 minutes');
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const seconds = (ms: number | undefined) => (ms === undefined ? '—' : `${(ms / 1000).toFixed(2)} s`);

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(ROOT, 'web/dist/index.html'))) throw new Error('web/dist is missing: run `npm run build:web` first');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'doorstep-bench-web-'));
  const server = await startDoorstep(dataDir);
  const proxy = await countingProxy(SERVER_PORT);
  const base = `http://127.0.0.1:${proxy.port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const runs: { login: Marks; figures: Marks; firstVisitBytes: number; pageBytes: number; lesson: LessonRun }[] = [];
  let serverPeakRssMb: number | null;
  try {
    const lessonSetup = await prepareLearner(`http://127.0.0.1:${SERVER_PORT}`, DEMO_PASSWORD);
    for (let run = 0; run < RUNS; run += 1) {
      // The sign-in page, then everything the service worker fetches after it.
      const login = await throttledPage(browser);
      proxy.reset();
      await login.page.goto(`${base}/`, { waitUntil: 'commit' });
      const loginMarks = await marksOf(login.page, 'loginApp');
      await login.page.waitForLoadState('load');
      const pageBytes = proxy.bytes();
      await login.page.evaluate(async () => { await navigator.serviceWorker.ready; });
      await networkQuiet(proxy.bytes);
      const firstVisitBytes = proxy.bytes();
      await login.context.close();

      // The public page at its bare address, as a link shared on social media opens it.
      const pub = await throttledPage(browser);
      await pub.page.goto(`${base}/#/public`, { waitUntil: 'commit' });
      const figureMarks = await marksOf(pub.page, 'figures');
      await pub.context.close();

      // A lesson, cold from its link and warm from "my courses" (web-lesson-load.ts).
      const lesson = await measureLesson(browser, base, DEMO_PASSWORD, lessonSetup, proxy);

      runs.push({ login: loginMarks, figures: figureMarks, firstVisitBytes, pageBytes, lesson });
      console.log(`run ${run + 1}: sign-in form typed in at ${seconds(loginMarks.loginTyping)} (first paint ${seconds(loginMarks.fcp)}), app took over at ${seconds(loginMarks.loginApp)}; `
        + `public figures at ${seconds(figureMarks.figures)}; first visit ${(firstVisitBytes / 1024).toFixed(1)} KB (page ${(pageBytes / 1024).toFixed(1)} KB, service worker ${((firstVisitBytes - pageBytes) / 1024).toFixed(1)} KB); `
        + `lesson cold ${seconds(lesson.coldMs)} (first paint ${seconds(lesson.coldFcpMs)}, ${lesson.coldKB.toFixed(1)} KB), warm ${seconds(lesson.warmMs)} (${lesson.lessonKB.toFixed(1)} KB)`);
    }
  } finally {
    await browser.close();
    proxy.close();
    serverPeakRssMb = server.pid === undefined ? null : peakRssOfProcess(server.pid);
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }

  const summary = {
    date: new Date().toISOString(), cpus: os.cpus().length, load: os.loadavg().map((l) => Number(l.toFixed(1))), runs: runs.length,
    network: NETWORK, cpuSlowdown: CPU_SLOWDOWN,
    loginTypingMs: median(runs.map((r) => r.login.loginTyping!)),
    firstPaintMs: median(runs.map((r) => r.login.fcp ?? Number.NaN)),
    loginAppMs: median(runs.map((r) => r.login.loginApp!)),
    publicFiguresMs: median(runs.map((r) => r.figures.figures!)),
    firstVisitKB: Number((median(runs.map((r) => r.firstVisitBytes)) / 1024).toFixed(1)),
    pageKB: Number((median(runs.map((r) => r.pageBytes)) / 1024).toFixed(1)),
    lessonColdMs: median(runs.map((r) => r.lesson.coldMs)),
    lessonColdKB: Number(median(runs.map((r) => r.lesson.coldKB)).toFixed(1)),
    lessonWarmMs: median(runs.map((r) => r.lesson.warmMs)),
    // Since the server started: the demo province's build on the embedded database included.
    serverPeakRssMb,
  };
  console.log(`\nmedian of ${runs.length}: sign-in form usable ${seconds(summary.loginTypingMs)} (budget ${seconds(BUDGET.loginMs)}), app ready ${seconds(summary.loginAppMs)}, `
    + `public figures ${seconds(summary.publicFiguresMs)} (budget ${seconds(BUDGET.figuresMs)}), first visit ${summary.firstVisitKB} KB (page ${summary.pageKB} KB); `
    + `lesson cold ${seconds(summary.lessonColdMs)} (budget ${seconds(BUDGET.lessonMs)}, ${summary.lessonColdKB} KB), warm ${seconds(summary.lessonWarmMs)}; server peak ${summary.serverPeakRssMb ?? '—'} MB; load average ${summary.load.join(' ')}`);
  const results = path.join(ROOT, 'bench/results');
  fs.mkdirSync(results, { recursive: true });
  fs.writeFileSync(path.join(results, `web-cold-load-${summary.date.replace(/[:.]/g, '-')}.json`), JSON.stringify({ summary, runs }, null, 2));
}

await main();
