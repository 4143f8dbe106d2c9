import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserAndLogin, type TestUser } from '../../testing/login.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { createSmallProvince } from '../../testing/unit-fixtures.js';

let t: TestApp;
let province: TestUser;
let auth: string;

const VERSION = { 'x-experience-api-version': '1.0.3' };
const ID = '3f2c7e0a-9b1d-4c5e-8f6a-1b2c3d4e5f60';

const statement = (over: Record<string, unknown> = {}) => ({
  actor: { objectType: 'Agent', name: 'H Lan Niê', account: { homePage: 'https://moodle.example.vn', name: 'hlan' } },
  verb: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed', vi: 'hoàn thành' } },
  object: { id: 'https://doorstep.example.vn/courses/vneid-level-2', definition: { name: { vi: 'Kích hoạt VNeID mức 2' } } },
  result: { completion: true, success: true, score: { scaled: 0.9, raw: 9, min: 0, max: 10 }, duration: 'PT12M30S' },
  context: { registration: '0190e5a4-1111-7222-8333-444455556666' },
  timestamp: '2025-09-10T09:30:00+07:00',
  ...over,
});

const post = (payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/xapi/statements', headers: { authorization: auth, ...VERSION, ...headers }, payload: payload as object });
const get = (query: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url: `/api/xapi/statements${query}`, headers: { authorization: auth, ...VERSION, ...headers } });
const count = async () => Number((await t.db.selectFrom('xapi_statements').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

beforeAll(async () => {
  t = await startTestApp({ seed: createSmallProvince });
  province = await createUserAndLogin(t.app, { role: 'province_officer', scopeUnitCode: '66' });
  const created = await t.app.inject({ method: 'POST', url: '/api/xapi/systems', headers: province.headers, payload: { name: 'Moodle Sở GD&ĐT', unitCode: '66' } });
  expect(created.statusCode).toBe(200);
  const { key, secret } = created.json();
  auth = `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`;
});
afterAll(() => t.close());

describe('authentication and version', () => {
  it('refuses a wrong secret, a missing version, and answers with its version', async () => {
    const wrong = await post(statement(), { authorization: `Basic ${Buffer.from('nobody:secret').toString('base64')}` });
    expect(wrong.statusCode).toBe(401);
    const noVersion = await t.app.inject({ method: 'POST', url: '/api/xapi/statements', headers: { authorization: auth }, payload: statement() });
    expect(noVersion.statusCode).toBe(400);
    expect(noVersion.json().error.field).toBe('X-Experience-API-Version');
    expect(noVersion.headers['x-experience-api-version']).toBe('1.0.3');
    const list = await t.app.inject({ method: 'GET', url: '/api/xapi/systems?unit=66', headers: province.headers });
    expect(list.json().items[0]).not.toHaveProperty('secret');
  });
});

describe('storing statements', () => {
  it('counts a statement posted twice once, and refuses the same id with other content', async () => {
    const before = await count();
    const first = await post(statement({ id: ID }));
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual([ID]);
    const again = await post(statement({ id: ID }));
    expect(again.statusCode).toBe(200);
    expect(await count()).toBe(before + 1);
    const put = await t.app.inject({ method: 'PUT', url: `/api/xapi/statements?statementId=${ID}`, headers: { authorization: auth, ...VERSION }, payload: statement() });
    expect(put.statusCode).toBe(204);
    const changed = await post(statement({ id: ID, result: { completion: false } }));
    expect(changed.statusCode).toBe(409);
    expect(await count()).toBe(before + 1);
  });

  it('stores a batch all or nothing and names the faulty property', async () => {
    const before = await count();
    const cases: [unknown, string][] = [
      [[statement(), { ...statement(), actor: undefined }], '[1].actor'],
      [{ ...statement(), verb: undefined }, 'verb'],
      [{ ...statement(), object: undefined }, 'object'],
      [statement({ id: 'not-a-uuid' }), 'id'],
      [statement({ actor: { mbox: 'hlan@example.vn' } }), 'actor.mbox'],
      [statement({ actor: { mbox: 'mailto:a@b.vn', openid: 'https://id.example.vn/a' } }), 'actor.openid'],
      [statement({ verb: { id: 'completed' } }), 'verb.id'],
      [statement({ verb: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'not a tag': 'x' } } }), 'verb.display.not a tag'],
      [statement({ result: { score: { scaled: 1.5 } } }), 'result.score.scaled'],
      [statement({ result: { duration: '12 minutes' } }), 'result.duration'],
      [statement({ timestamp: 'yesterday' }), 'timestamp'],
      [statement({ context: { registration: 'abc' } }), 'context.registration'],
      [statement({ colour: 'blue' }), 'colour'],
      [[statement({ id: ID.replace('60', '61') }), statement({ id: ID.replace('60', '61') })], '[1].id'],
    ];
    for (const [payload, field] of cases) {
      const response = await post(payload);
      expect(response.statusCode, field).toBe(400);
      expect(response.json().error.field, JSON.stringify(payload).slice(0, 80)).toBe(field);
    }
    expect(await count()).toBe(before);
  });

  it('voids a statement: it leaves the lists and answers only to voidedStatementId', async () => {
    const target = '0190e5a4-aaaa-7bbb-8ccc-000000000001';
    expect((await post(statement({ id: target, verb: { id: 'http://adlnet.gov/expapi/verbs/passed' } }))).statusCode).toBe(200);
    const voiding = statement({ verb: { id: 'http://adlnet.gov/expapi/verbs/voided' }, object: { objectType: 'StatementRef', id: target }, result: undefined, context: undefined });
    const [voidingId] = (await post(voiding)).json();
    expect((await get(`?statementId=${target}`)).statusCode).toBe(404);
    expect((await get(`?voidedStatementId=${target}`)).json().id).toBe(target);
    const passed = (await get(`?verb=${encodeURIComponent('http://adlnet.gov/expapi/verbs/passed')}`)).json();
    expect(passed.statements).toEqual([]);
    const voidVoid = await post(statement({ verb: { id: 'http://adlnet.gov/expapi/verbs/voided' }, object: { objectType: 'StatementRef', id: voidingId }, result: undefined, context: undefined }));
    expect(voidVoid.statusCode).toBe(400);
  });
});

describe('completions from statements', () => {
  it('turns completed and passed statements about a known course into one completion', async () => {
    await t.db.insertInto('courses').values({ id: '0190e5a4-cccc-7ddd-8eee-000000000001', province_code: '66', code: 'vneid-level-2', skill_code: null, group_code: null, created_by: null }).execute();
    const learner = await createUserAndLogin(t.app, { role: 'learner', scopeUnitCode: '6600101' });
    const actor = { account: { homePage: 'https://moodle.example.vn', name: learner.username } };
    const completions = async () => (await t.db.selectFrom('course_completions').selectAll().where('user_id', '=', learner.id).execute()).length;
    expect((await post([statement({ actor }), statement({ actor, verb: { id: 'http://adlnet.gov/expapi/verbs/passed' } })])).statusCode).toBe(200);
    expect(await completions()).toBe(1);
    // An unknown course or a failed attempt stays a statement only.
    expect((await post(statement({ actor, object: { id: 'https://moodle.example.vn/course/nothing' } }))).statusCode).toBe(200);
    expect((await post(statement({ actor, verb: { id: 'http://adlnet.gov/expapi/verbs/passed' }, result: { success: false } }))).statusCode).toBe(200);
    expect(await completions()).toBe(1);
  });
});

describe('reading statements', () => {
  it('filters by agent, verb, activity, registration, since and until, and pages with more', async () => {
    const learner = { account: { homePage: 'https://moodle.example.vn', name: 'ybham' } };
    for (let i = 0; i < 3; i += 1) {
      expect((await post(statement({ actor: learner, object: { id: `https://doorstep.example.vn/courses/c${i}` } }))).statusCode).toBe(200);
    }
    const agent = encodeURIComponent(JSON.stringify(learner));
    const first = await get(`?agent=${agent}&limit=2`);
    expect(first.statusCode).toBe(200);
    expect(first.headers['x-experience-api-consistent-through']).toBeTruthy();
    const page1 = first.json();
    expect(page1.statements).toHaveLength(2);
    expect(page1.statements[0].authority.account.name).toMatch(/^xk_/);
    expect(page1.statements[0].stored).toBeTruthy();
    expect(page1.more).toMatch(/^\/api\/xapi\/statements\?/);
    const page2 = (await get(page1.more.replace('/api/xapi/statements', ''))).json();
    expect(page2.statements).toHaveLength(1);
    expect(page2.more).toBe('');
    const ids = [...page1.statements, ...page2.statements].map((s: { object: { id: string } }) => s.object.id).sort();
    expect(ids).toEqual(['c0', 'c1', 'c2'].map((c) => `https://doorstep.example.vn/courses/${c}`));

    const activity = await get(`?activity=${encodeURIComponent('https://doorstep.example.vn/courses/c1')}`);
    expect(activity.json().statements).toHaveLength(1);
    const registration = await get(`?registration=0190e5a4-1111-7222-8333-444455556666&agent=${agent}`);
    expect(registration.json().statements).toHaveLength(3);
    const future = await get(`?since=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`);
    expect(future.json().statements).toEqual([]);
    const past = await get(`?until=${encodeURIComponent('2020-01-01T00:00:00Z')}`);
    expect(past.json().statements).toEqual([]);
    expect((await get('?colour=blue')).statusCode).toBe(400);
    expect((await get(`?statementId=${ID}&verb=x`)).statusCode).toBe(400);
  });
});

describe('systems', () => {
  it('disables a system: its key stops working, the list says since when, and outside officers cannot touch it', async () => {
    const created = (await t.app.inject({ method: 'POST', url: '/api/xapi/systems', headers: province.headers, payload: { name: 'Open edX thử', unitCode: '66001' } })).json();
    const basic = `Basic ${Buffer.from(`${created.key}:${created.secret}`).toString('base64')}`;
    expect((await get('?limit=1', { authorization: basic })).statusCode).toBe(200);
    const outsider = await createUserAndLogin(t.app, { role: 'commune_officer', scopeUnitCode: '66002' });
    const refused = await t.app.inject({ method: 'POST', url: `/api/xapi/systems/${created.id}/disable`, headers: outsider.headers });
    expect(refused.statusCode).toBe(404);
    const disabled = await t.app.inject({ method: 'POST', url: `/api/xapi/systems/${created.id}/disable`, headers: province.headers });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json().disabledAt).toEqual(expect.any(String));
    expect((await get('?limit=1', { authorization: basic })).statusCode).toBe(401);
    const list = (await t.app.inject({ method: 'GET', url: '/api/xapi/systems?unit=66', headers: province.headers })).json();
    expect(list.items.find((x: { id: string }) => x.id === created.id).disabledAt).toBe(disabled.json().disabledAt);
    const audit = await t.db.selectFrom('audit_events').select('action').where('actor_user_id', '=', province.id).execute();
    expect(audit.map((a) => a.action)).toContain('xapi.system.disable');
    // The first system still reports.
    expect((await get('?limit=1')).statusCode).toBe(200);
  });
});
