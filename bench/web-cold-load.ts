/**
 * Cold load of the web app on slow 3G (`npm run bench:web`): starts the real server as `npm start`
 * does (`doorstep serve`, demo province, a fresh data folder), puts a byte-counting proxy in front of
 * it, and opens pages in Chromium with an empty cache, the network throttled to 400 ms / 400 kbit/s
 * and the CPU slowed 4× (Chrome DevTools Protocol). It measures when the sign-in form can be typed
 * in and when the app has taken it over, when the public page shows its figures, and the bytes a
 * first visit costs including what the service worker downloads. Needs `npm run build:web` first.
 *
 * Options: BENCH_RUNS (default 3, the median is reported), BENCH_PORT (default 3149 for the server).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_PATH } from '../e2e/support/chromium.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SERVER_PORT = Number(process.env.BENCH_PORT ?? 3149);
/** Slow 3G as the budget states it: 400 ms round trips, 400 kbit/s both ways, a phone 4× slower than this machine. */
const NETWORK = { offline: false, latency: 400, downloadThroughput: 400_000 / 8, uploadThroughput: 400_000 / 8 };
const CPU_SLOWDOWN = 4;
const BUDGET = { loginMs: 3000, figuresMs: 4000 };

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
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/doorstep.js'), 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env, PORT: String(SERVER_PORT), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn',
      DOORSTEP_DEMO_PASSWORD: 'bench-demo-password', DOORSTEP_ADMIN_PASSWORD: 'bench-admin-password', DATABASE_URL: '',
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

/**
 * Runs in the page before its own scripts: notes (performance.now(), from the start of the
 * navigation) the first moment each milestone is in the document.
 */
const MILESTONES = `(() => {
  const marks = (window.__benchMarks = {});
  const check = () => {
    const now = performance.now();
    const user = document.querySelector('input[name=username]');
    if (marks.loginTyping === undefined && user && user.offsetParent !== null) marks.loginTyping = now;
    if (marks.loginApp === undefined && user && !document.getElementById('boot-login')) marks.loginApp = now;
    if (marks.figures === undefined && document.querySelector('[data-testid="public-lead"]') && document.querySelector('[data-testid="tile-value"]')) marks.figures = now;
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
})();`;

interface Marks { loginTyping?: number; loginApp?: number; figures?: number; fcp?: number }

async function throttledPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, locale: 'vi-VN', isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.addInitScript(MILESTONES);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  return { context, page };
}

async function marksOf(page: Page, name: keyof Marks): Promise<Marks> {
  await page.waitForFunction((key) => (window as unknown as { __benchMarks: Marks }).__benchMarks[key] !== undefined, name, { timeout: 60_000, polling: 100 });
  return page.evaluate(() => ({
    ...(window as unknown as { __benchMarks: Marks }).__benchMarks,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
  }));
}

/** Waits until nothing has crossed the proxy for `quietMs`. */
async function networkQuiet(bytes: () => number, quietMs = 3000): Promise<void> {
  let last = bytes();
  let since = Date.now();
  while (Date.now() - since < quietMs) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    if (bytes() !== last) {
      last = bytes();
      since = Date.now();
    }
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
  const runs: { login: Marks; figures: Marks; firstVisitBytes: number; pageBytes: number }[] = [];
  try {
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

      runs.push({ login: loginMarks, figures: figureMarks, firstVisitBytes, pageBytes });
      console.log(`run ${run + 1}: sign-in form typed in at ${seconds(loginMarks.loginTyping)} (first paint ${seconds(loginMarks.fcp)}), app took over at ${seconds(loginMarks.loginApp)}; `
        + `public figures at ${seconds(figureMarks.figures)}; first visit ${(firstVisitBytes / 1024).toFixed(1)} KB (page ${(pageBytes / 1024).toFixed(1)} KB, service worker ${((firstVisitBytes - pageBytes) / 1024).toFixed(1)} KB)`);
    }
  } finally {
    await browser.close();
    proxy.close();
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
  };
  console.log(`\nmedian of ${runs.length}: sign-in form usable ${seconds(summary.loginTypingMs)} (budget ${seconds(BUDGET.loginMs)}), app ready ${seconds(summary.loginAppMs)}, `
    + `public figures ${seconds(summary.publicFiguresMs)} (budget ${seconds(BUDGET.figuresMs)}), first visit ${summary.firstVisitKB} KB (page ${summary.pageKB} KB); load average ${summary.load.join(' ')}`);
  const results = path.join(ROOT, 'bench/results');
  fs.mkdirSync(results, { recursive: true });
  fs.writeFileSync(path.join(results, `web-cold-load-${summary.date.replace(/[:.]/g, '-')}.json`), JSON.stringify({ summary, runs }, null, 2));
}

await main();
