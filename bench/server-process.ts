/**
 * A benchmark's server in a process of its own (`startBenchServer(…, { ownProcess: true })`), so
 * that the memory and CPU it reports are the server's alone: not the benchmark's setup, its
 * ceiling's work or its load client. Told what to do over IPC:
 * 'start' starts the server with the given configuration and answers its address;
 * 'meter-start' / 'meter-stop' measure a part of the benchmark (`server-meter.ts`);
 * 'stop' stops the server.
 */
import { loadConfig } from '../src/config.js';
import { startServer, type RunningServer } from '../src/server.js';
import { answerJobs } from './load-process.js';
import { meterThisProcess } from './server-meter.js';

type Job =
  | { kind: 'start'; env: Record<string, string> }
  | { kind: 'meter-start'; cpuProfile?: string }
  | { kind: 'meter-stop' }
  | { kind: 'stop' };

let server: RunningServer | undefined;
const meter = meterThisProcess(() => server?.app.server);

answerJobs<Job>(async (job) => {
  switch (job.kind) {
    case 'start':
      server = await startServer(loadConfig(job.env));
      return { url: server.url };
    case 'meter-start':
      return meter.start(job.cpuProfile);
    case 'meter-stop':
      return meter.stop();
    case 'stop':
      await server?.stop();
      server = undefined;
      return null;
  }
});
