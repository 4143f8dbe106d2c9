import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { entryBudget } from './build/entry-budget.js';
import { inlineEntryCss } from './build/inline-entry-css.js';
import { routePreload } from './build/route-preload.js';
import { serviceWorker } from './build/service-worker.js';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Code only the officers' dashboard loads, and the progress views it shares with the public page
 * (tiles, status badges, their words and styles, the figures' formatting and loading): the chunks
 * holding any of it are named dashboard-… (see below). The field app imports none of these.
 */
const DASHBOARD_MODULE = new RegExp([
  String.raw`[\\/](?:src[\\/]features[\\/]dashboard|node_modules[\\/](?:echarts|zrender))[\\/]`,
  String.raw`[\\/]src[\\/]components[\\/]ui[\\/](?:indicator-tiles|status-badge|use-format|progress-i18n|progress-views)\.`,
  String.raw`[\\/]src[\\/]lib[\\/](?:figures|progress-types|use-resource|use-focus-on-arrival)\.`,
  String.raw`[\\/]src[\\/]locales[\\/]progress[\\/]`,
].join('|'));

/**
 * The officers' shell and the workbench screens inside it (reported figures, difficulties…): the
 * chunks holding any of it are named officer-…, left out of the field app's precache like the
 * dashboard's, and the contest's organisers' screens. The field app imports none of these.
 */
const OFFICER_MODULE = new RegExp([
  String.raw`[\\/]src[\\/]app[\\/]officer-`,
  String.raw`[\\/]src[\\/]features[\\/](?:reported-figures|difficulties|accounts|supervision|units|teams|targets|dhis2|contest-admin)[\\/]`,
  // The events feature also holds field screens (check-in, materials, registering a resident):
  // only its officers' screen and the panels inside it are named here.
  String.raw`[\\/]src[\\/]features[\\/]events[\\/](?:components[\\/](?:events-app|campaign-panel|event-form|materials-panel|communication-panel|unit-attendance-panel)|api[\\/]communication-api)\.`,
  String.raw`[\\/]src[\\/]lib[\\/](?:form-errors|officer-api|upload)\.`,
  String.raw`[\\/]src[\\/]locales[\\/]officer[\\/]`,
].join('|'));

/** The chunk of what the entry imports statically (see codeSplitting below). */
const APP_SHELL = 'app-shell';

/**
 * The web app: the light offline field app at `/` now, the officers' dashboard later as a lazily
 * loaded chunk. Built into web/dist, which the API server serves (src/modules/web).
 */
export default defineConfig(({ command }) => ({
  root,
  // React's production build whatever NODE_ENV the shell (or a test runner) has: the budget
  // below is for what phones download.
  define: command === 'build' ? { 'process.env.NODE_ENV': JSON.stringify('production') } : {},
  base: '/',
  // JSX without @vitejs/plugin-react: Vite's own transformer does it, and the field app needs
  // no fast refresh badly enough to carry another dependency.
  oxc: { jsx: { runtime: 'automatic', importSource: 'react', development: command !== 'build' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Phones in the field run old Android WebViews more often than old iPhones.
    target: 'es2020',
    sourcemap: false,
    rolldownOptions: {
      output: {
        // The dashboard's lazy chunks are named dashboard-…, which the service worker leaves out of
        // the field app's precache: phones on 3G need not download ECharts to work offline.
        chunkFileNames: (chunk) => {
          // Every first load runs the app's shell, whichever screen it opens: should it come out as a
          // chunk of its own (today Rolldown folds it into the entry), it keeps its name even though
          // the shell knows the officers' paths (app/officer-paths.ts), so the field app keeps it offline.
          if (chunk.name === APP_SHELL) return 'assets/[name]-[hash].js';
          if (chunk.moduleIds.some((id) => DASHBOARD_MODULE.test(id)) && !chunk.name.startsWith('dashboard')) return 'assets/dashboard-[name]-[hash].js';
          if (chunk.moduleIds.some((id) => OFFICER_MODULE.test(id)) && !chunk.name.startsWith('officer')) return 'assets/officer-[name]-[hash].js';
          return 'assets/[name]-[hash].js';
        },
        // Everything the entry imports statically, in the entry's file instead of seven beside it: on
        // HTTP/1.1 a browser opens six connections to the server, and with eight script files the
        // page's first data request (the public page's, a lesson's) waited for one to come free.
        codeSplitting: { groups: [{ name: APP_SHELL, tags: ['$initial'] }] },
      },
    },
  },
  plugins: [
    entryBudget({ entry: 'index', maxGzipBytes: 150 * 1024 }),
    inlineEntryCss(),
    routePreload({ chunk: 'public-page', placeholder: 'public page files' }),
    routePreload({ chunk: 'learner-page', placeholder: 'learner page files' }),
    // Neither the dashboard nor the public page (public-page-…), the contest, an event's registration
    // or the certificate check is precached: all need the network anyway, and the field app's phones
    // should not download them on a first visit (the worker keeps each once it has been opened). The styles
    // they share (components/ui/progress-views.css) come out as the shared chunk's progress-views-….css:
    // CSS files take the chunk's name, not the dashboard-… file name given above.
    serviceWorker({ template: fileURLToPath(new URL('./sw/service-worker.js', import.meta.url)), exclude: /^assets\/(?:dashboard|officer|public|progress-views|contest|register-page|check-page)-/ }),
  ],
  server: {
    // `npx vite --config web/vite.config.ts` beside `npm start`: the API stays same-origin.
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
}));
