import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from './config.js';
import { openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import type { StartupReport } from './demo/first-start.js';
import { AppError } from './errors.js';
import { translate } from './i18n/index.js';
import { CommandRefused } from './lib/command-refused.js';
import { isDay, vietnamDay } from './lib/vietnam-day.js';
import { protectDataDir } from './lib/data-dir.js';
import { resolveSecretKey } from './lib/secret-key.js';
import { runningServerPid } from './lib/server-lock.js';

/*
 * Each command loads the modules it uses when it runs: a backup or restore in a small heap
 * should not first hold the whole server (every module, the PDF and spreadsheet writers).
 */

const USAGE = `Usage: doorstep <command> [options]

Commands:
  serve                          migrate, build the demo on an empty database, and listen (default)
  migrate                        apply pending database migrations
  seed                           build the demo province and accounts on an empty database
  import-units [file.csv]        the official list of provinces and communes [--date YYYY-MM-DD, default 2025-07-01];
                                 without a file, the 2025 list shipped in reference/
  import-villages <file.csv>     villages: commune_code,village_code,name,type [--date, default today]
  import-statistics <file.csv>   unit statistics: unit_code,as_of,<kind>…
  import-learning <file.csv>     the national learning platform's registrations and completions:
                                 so_dinh_danh_hoac_dien_thoai,ho_ten,ma_don_vi,khoa_hoc,trang_thai,ngay
                                 [--create-residents: a new resident in the row's village for an ID
                                 number that matches no one]
  import-teams <file.csv|.xlsx>  teams and members: village_code,team_name,member_name,affiliation,role,phone,username [--date, default today]
  rollups rebuild                recompute the dashboard counts from the facts [--source PREFIX, default all]
  plan install daklak-2025 --province CODE
                                 install the Dak Lak 2025 indicators with their targets on a province
  alerts refresh [--date]        re-evaluate every province's communes and raise "behind" alerts
  backup <file>                  write the whole database to <file> (gzipped JSON lines); the secret key is
                                 not in it: keep DOORSTEP_SECRET or DATA_DIR/secret.key apart
  restore <file>                 load a backup into an empty database (new DATA_DIR or empty PostgreSQL
                                 database), then migrate it to this version
  scenario daklak-2025 [--scale F]
                                 on an empty database, build the Dak Lak province of the source article
                                 through the real write path (about 2 million residents at F = 1)
  help                           this text

Configuration comes from the environment; see the README.`;

const ROLE_LABEL: Record<string, string> = {
  admin: 'administrator', province_officer: 'province officer', commune_officer: 'commune officer',
  team_leader: 'team leader', team_member: 'team member', learner: 'learner',
};

function printLogins(url: string, report: StartupReport, config: Config): void {
  const lines = [`Doorstep is running at ${url}`, `Database: ${config.databaseUrl ? 'PostgreSQL server' : `embedded (${config.dataDir})`}`];
  if (report.demoBuilt) lines.push('Built the demo province: 102 communes and wards, its campaign launched 52 days ago and under way (the full Dak Lak province: doorstep scenario daklak-2025).');
  lines.push('', 'Log in with:');
  for (const login of report.logins) {
    const password = login.password
      ? `password ${login.password}  (shown once, write it down)`
      : login.username === 'admin'
        ? (config.adminPassword ? 'password from DOORSTEP_ADMIN_PASSWORD' : 'password shown at first start')
        : (report.demoPasswordSource === 'env' ? 'password from DOORSTEP_DEMO_PASSWORD' : 'password shown at first start');
    lines.push(`  ${login.username.padEnd(9)} ${ROLE_LABEL[login.role]?.padEnd(17)} ${(login.scopeUnitCode ?? 'all units').padEnd(10)} ${password}`);
  }
  lines.push('', `API documentation: ${url}/api/docs`);
  console.log(lines.join('\n'));
}

async function withDatabase<T>(config: Config, work: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>): Promise<T> {
  const database = await openDatabase(config);
  try {
    await migrateToLatest(database.db);
    return await work(database.db);
  } finally {
    await database.close();
  }
}

function readFileArgument(positionals: string[], fallback?: URL): Buffer {
  const file = positionals[1] ?? fallback;
  if (!file) throw new Error('Name the CSV file to import');
  return fs.readFileSync(file);
}

function dayOption(value: string | undefined, fallback: string): string {
  if (value === undefined) return fallback;
  if (!isDay(value)) throw new Error(`--date must be a day written YYYY-MM-DD, got "${value}"`);
  return value;
}

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, options: { date: { type: 'string' }, source: { type: 'string' }, province: { type: 'string' }, scale: { type: 'string' }, 'create-residents': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  const command = positionals[0] ?? 'serve';
  if (values.help || command === 'help') return console.log(USAGE);
  const config = loadConfig();
  // Every command may write under DATA_DIR (the embedded database, the secret key): private first.
  protectDataDir(config.dataDir);

  switch (command) {
    case 'serve': {
      const { startServer, stopOnSignals } = await import('./server.js');
      const server = await startServer(config);
      stopOnSignals(server);
      printLogins(server.url, server.report, config);
      return;
    }
    case 'migrate': {
      const result = await withDatabase(config, (db) => migrateToLatest(db));
      console.log(`Applied ${result.results?.length ?? 0} migration(s).`);
      return;
    }
    case 'seed': {
      const { prepareFirstStart } = await import('./demo/first-start.js');
      const report = await withDatabase(config, (db) => prepareFirstStart(db, config, resolveSecretKey(config)));
      console.log(report.demoBuilt ? 'Built the demo province.' : 'The database already has units; nothing built.');
      for (const login of report.logins.filter((l) => l.password)) console.log(`  ${login.username}: ${login.password}`);
      return;
    }
    case 'import-units':
    case 'import-villages': {
      const { importOfficialList, importVillages, OFFICIAL_UNIT_LIST } = await import('./modules/units/unit-imports.js');
      const file = readFileArgument(positionals, command === 'import-units' ? OFFICIAL_UNIT_LIST : undefined);
      const importer = command === 'import-units' ? importOfficialList : importVillages;
      const day = dayOption(values.date, command === 'import-units' ? '2025-07-01' : vietnamDay());
      const summary = await withDatabase(config, (db) => db.transaction().execute((trx) => importer(trx, null, file, day, null)));
      console.log(`Created ${summary.created}, renamed ${summary.renamed}, unchanged ${summary.unchanged}.`);
      return;
    }
    case 'import-statistics': {
      const { importStatistics } = await import('./modules/units/unit-imports.js');
      const file = readFileArgument(positionals);
      const summary = await withDatabase(config, (db) => db.transaction().execute((trx) => importStatistics(trx, null, file)));
      console.log(`Recorded ${summary.values} values.`);
      return;
    }
    case 'import-teams': {
      const file = readFileArgument(positionals);
      const { importTeams } = await import('./modules/teams/team-imports.js');
      const format = positionals[1]!.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv';
      const summary = await withDatabase(config, (db) => importTeams(db, null, file, format, dayOption(values.date, vietnamDay())));
      console.log(`Teams created ${summary.teamsCreated}, renamed ${summary.teamsRenamed}; members added ${summary.membersAdded}, updated ${summary.membersUpdated}; leaders changed ${summary.leadersChanged}; unchanged ${summary.unchanged}.`);
      return;
    }
    case 'import-learning': {
      const file = positionals[1];
      if (!file) throw new Error('Name the CSV file to import');
      const { importNationalRows } = await import('./modules/learning-imports/learning-imports.service.js');
      const { readNationalCsv } = await import('./modules/learning-imports/national-csv.js');
      const report = await withDatabase(config, async (db) => importNationalRows(db, null, await readNationalCsv(fs.createReadStream(file)), resolveSecretKey(config), { createResidents: values['create-residents'] ?? false }));
      console.log(`Enrolments ${report.enrolments}, completions ${report.completions}, milestones ${report.milestones}; residents created ${report.residentsCreated}; unchanged ${report.unchanged}; not placed ${report.notPlaced.length}.`);
      for (const row of report.notPlaced) console.log(`  row ${row.row}: ${translate('vi', `row.${row.reason}`)}`);
      return;
    }
    case 'rollups': {
      if (positionals[1] !== 'rebuild') throw new Error('Usage: doorstep rollups rebuild [--source PREFIX]');
      const { recountRollups } = await import('./rollup-sources.js');
      const summary = await withDatabase(config, (db) => db.transaction().execute((trx) => recountRollups(trx, values.source ?? '')));
      console.log(`Rebuilt ${summary.counts} counts from ${summary.sources} source group(s).`);
      return;
    }
    case 'plan': {
      if (positionals[1] !== 'install' || positionals[2] !== 'daklak-2025' || !values.province) {
        throw new Error('Usage: doorstep plan install daklak-2025 --province CODE');
      }
      const province = values.province;
      const { DAKLAK_2025_PLAN } = await import('./modules/targets/indicators/daklak-2025-plan.js');
      const { installPlan } = await import('./modules/targets/indicators/indicators.service.js');
      const count = await withDatabase(config, (db) => db.transaction().execute((trx) => installPlan(trx, DAKLAK_2025_PLAN, province)));
      console.log(`Installed ${count} indicators with their targets on ${province}.`);
      return;
    }
    case 'alerts': {
      if (positionals[1] !== 'refresh') throw new Error('Usage: doorstep alerts refresh [--date YYYY-MM-DD]');
      const day = dayOption(values.date, vietnamDay());
      const { refreshAlerts } = await import('./modules/targets/alerts/alerts.service.js');
      const { listProvinces } = await import('./modules/units/units.service.js');
      const raised = await withDatabase(config, async (db) => {
        let total = 0;
        for (const province of await listProvinces(db, day)) total += await refreshAlerts(db, province.code, day);
        return total;
      });
      console.log(`Raised ${raised} alert(s).`);
      return;
    }
    case 'backup':
    case 'restore': {
      const { BackupRefused, restoreBackup, writeBackup } = await import('./db/backup.js');
      const file = positionals[1];
      if (!file) throw new BackupRefused(`Usage: doorstep ${command} <file>`);
      const pid = config.databaseUrl ? null : runningServerPid(config.dataDir);
      if (pid !== null) {
        throw new BackupRefused(`A Doorstep server (process ${pid}) has the embedded database in ${config.dataDir} open; stop it first, then run doorstep ${command} again. On PostgreSQL a backup runs beside a running server.`);
      }
      if (command === 'backup') {
        const database = await openDatabase(config);
        try {
          const counts = await writeBackup(database.db, file);
          console.log(`Wrote ${Object.values(counts).reduce((a, b) => a + b, 0)} rows of ${Object.keys(counts).length} tables to ${file}. The secret key is not in it: keep it apart.`);
        } finally {
          await database.close();
        }
      } else {
        if (!fs.existsSync(file)) throw new BackupRefused(`No file ${file}`);
        const database = await openDatabase(config);
        try {
          const counts = await restoreBackup(database.db, file);
          console.log(`Restored ${Object.values(counts).reduce((a, b) => a + b, 0)} rows of ${Object.keys(counts).length} tables and migrated to this version. Put back the secret key (DOORSTEP_SECRET or DATA_DIR/secret.key) the data was written with.`);
        } finally {
          await database.close();
        }
      }
      return;
    }
    case 'scenario': {
      const { runScenario, SCENARIO_NAME, SERVER_CONCURRENCY } = await import('./scenario/scenario.js');
      if (positionals[1] !== SCENARIO_NAME) throw new Error(`Usage: doorstep scenario ${SCENARIO_NAME} [--scale F]`);
      const scale = values.scale === undefined ? 1 : Number(values.scale);
      const report = await withDatabase(config, (db) => runScenario(db, {
        scale, secretKey: resolveSecretKey(config), concurrency: config.databaseUrl ? SERVER_CONCURRENCY : 1, log: (line) => console.log(line),
      }));
      if (report.mismatches.length > 0) process.exitCode = 1;
      return;
    }
    default:
      console.error(`Unknown command "${command}".\n\n${USAGE}`);
      process.exitCode = 2;
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof CommandRefused) {
    console.error(error.message);
  } else if (error instanceof AppError) {
    console.error(`${translate('en', `error.${error.code}`)}${error.detail ? `: ${error.detail}` : ''}`);
    for (const row of error.rows ?? []) console.error(`  line ${row.row}${row.field ? ` (${row.field})` : ''}: ${translate('en', `row.${row.reason}`, row.params)}`);
  } else {
    console.error(error instanceof Error ? error.message : error);
  }
  process.exitCode = 1;
});
