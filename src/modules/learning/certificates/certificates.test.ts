import { createLocalJWKSet, decodeJwt, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../../db/transaction.js';
import { createUserAndLogin, type TestUser } from '../../../testing/login.js';
import { deviceOf, items } from '../../../testing/sync-fixtures.js';
import { startTestApp, type TestApp } from '../../../testing/test-app.js';
import { createSmallProvince } from '../../../testing/unit-fixtures.js';
import { issueCertificates, normaliseCode } from './certificates.service.js';

let t: TestApp;
let member: TestUser;
let commune: TestUser;
let otherCommune: TestUser;
let learner: TestUser;
let learnerCode: string;

const VILLAGE = '6600101';

beforeAll(async () => {
  t = await startTestApp({ seed: createSmallProvince, env: { PUBLIC_URL: 'https://doorstep.example.vn' } });
  member = await createUserAndLogin(t.app, { role: 'team_member', scopeUnitCode: VILLAGE });
  commune = await createUserAndLogin(t.app, { role: 'commune_officer', scopeUnitCode: '66001' });
  otherCommune = await createUserAndLogin(t.app, { role: 'commune_officer', scopeUnitCode: '66002' });
  learner = await createUserAndLogin(t.app, { role: 'learner', scopeUnitCode: VILLAGE, displayName: 'H Lan Niê' });
  // What the learning work does when a learner passes every skill check: the confirmation, in its transaction.
  const [issued] = await inTransaction(t.db, (trx) => issueCertificates(trx, [{
    milestoneId: null, residentId: null, userId: learner.id, holderName: 'H Lan Niê', skills: null,
    achievedOn: '2025-09-12', source: 'test', unitCode: VILLAGE, provinceCode: '66',
  }]));
  learnerCode = issued!.code;
});
afterAll(() => t.close());

const check = (code: string) => t.app.inject({ method: 'GET', url: `/api/certificates/${code}` });

describe('issuing', () => {
  it('issues a certificate for a guided confirmation recorded in the field app, once per person', async () => {
    const household = items.household({ villageCode: VILLAGE });
    const resident = items.resident({ householdId: household.data.id as string, fullName: 'Y Bhăm Êban' });
    const residentId = resident.data.id as string;
    await deviceOf(t.app, member).pushOk([
      household, resident,
      items.visit({ householdId: household.data.id as string, visitedAt: '2025-08-20T09:00:00+07:00', help: [{ residentId, milestone: 'skills_confirmed', skills: ['online_payment', 'online_safety'] }] }),
      items.milestone({ residentId, kind: 'skills_confirmed', achievedOn: '2025-08-21' }),
    ]);
    const list = await t.app.inject({ method: 'GET', url: '/api/certificates?unit=66001', headers: commune.headers });
    expect(list.statusCode).toBe(200);
    const mine = list.json().items.filter((c: { holderName: string }) => c.holderName === 'Y Bhăm Êban');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ achievedOn: '2025-08-20', skills: ['online_payment', 'online_safety'], source: 'guided', unitCode: VILLAGE });
    const checked = (await check(mine[0].code)).json();
    expect(checked).toMatchObject({ status: 'valid', holderName: 'Y Bhăm Êban', unitName: 'Thôn 1', skills: ['Thanh toán trực tuyến', 'Bảo vệ bản thân trên môi trường mạng'] });
    // Another commune's officer does not see it.
    const other = await t.app.inject({ method: 'GET', url: '/api/certificates?unit=66001', headers: otherCommune.headers });
    expect(other.statusCode).toBe(404);
  });

  it('issues no second certificate to a person who holds one from an earlier batch', async () => {
    const household = items.household({ villageCode: VILLAGE });
    const resident = items.resident({ householdId: household.data.id as string, fullName: 'H Mai Byă' });
    const residentId = resident.data.id as string;
    const device = deviceOf(t.app, member);
    await device.pushOk([household, resident, items.milestone({ residentId, kind: 'skills_confirmed', achievedOn: '2025-08-22' })]);
    await device.pushOk([items.milestone({ residentId, kind: 'skills_confirmed', achievedOn: '2025-08-25' })]);
    const list = await t.app.inject({ method: 'GET', url: '/api/certificates?unit=66001', headers: commune.headers });
    const mine = list.json().items.filter((c: { holderName: string }) => c.holderName === 'H Mai Byă');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ achievedOn: '2025-08-22', source: 'field_app', unitCode: VILLAGE });
  });

  it('reads codes as people type them', () => {
    expect(normaliseCode('abcde-fghjk')).toBe('ABCDEFGHJK');
    expect(normaliseCode('ABCDE FGHJK')).toBe('ABCDEFGHJK');
    expect(normaliseCode('ABCDE-FGHJ0')).toBeNull();
  });
});

describe('the learner', () => {
  it('lists their certificate and downloads the PDF with the check code and its QR code', async () => {
    const list = await t.app.inject({ method: 'GET', url: '/api/me/certificates', headers: learner.headers });
    expect(list.json().items.map((c: { code: string }) => c.code)).toEqual([learnerCode]);
    expect(list.json().items[0].skills).toHaveLength(5);
    const pdf = await t.app.inject({ method: 'GET', url: `/api/me/certificates/${learnerCode}/pdf`, headers: learner.headers });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // Someone else's code looks missing.
    const stranger = await createUserAndLogin(t.app, { role: 'learner', scopeUnitCode: VILLAGE });
    expect((await t.app.inject({ method: 'GET', url: `/api/me/certificates/${learnerCode}/pdf`, headers: stranger.headers })).statusCode).toBe(404);
  });

  it('gets a credential that verifies with the published key and fails when altered', async () => {
    const response = await t.app.inject({ method: 'GET', url: `/api/me/certificates/${learnerCode}/credential`, headers: learner.headers });
    expect(response.statusCode).toBe(200);
    const jwt = response.body;
    const jwks = (await t.app.inject({ method: 'GET', url: '/.well-known/jwks.json' })).json();
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).not.toHaveProperty('d');
    const keySet = createLocalJWKSet(jwks);
    const { payload, protectedHeader } = await jwtVerify(jwt, keySet, { issuer: 'https://doorstep.example.vn/api/certificates/issuer/66' });
    expect(protectedHeader).toMatchObject({ alg: 'RS256', kid: jwks.keys[0].kid });
    const vc = payload.vc as {
      id: string; type: string[];
      credentialSubject: { identifier: { identityHash: string }[]; achievement: { tag: string[] } };
    };
    expect(vc.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(vc.id).toBe(`https://doorstep.example.vn/api/certificates/${learnerCode}`);
    expect(payload.jti).toBe(vc.id);
    expect(vc.credentialSubject.identifier[0]?.identityHash).toBe('H Lan Niê');
    expect(vc.credentialSubject.achievement.tag).toHaveLength(5);
    // The same credential again: signed once more, it is the same token.
    const again = await t.app.inject({ method: 'GET', url: `/api/me/certificates/${learnerCode}/credential`, headers: learner.headers });
    expect(again.body).toBe(jwt);

    const [header, , signature] = jwt.split('.');
    const altered = { ...decodeJwt(jwt), vc: { ...vc, credentialSubject: { ...vc.credentialSubject, identifier: [{ ...vc.credentialSubject.identifier[0], identityHash: 'Someone Else' }] } } };
    const forged = `${header}.${Buffer.from(JSON.stringify(altered)).toString('base64url')}.${signature}`;
    await expect(jwtVerify(forged, keySet)).rejects.toThrow(/signature/);
  });
});

describe('checking and revoking', () => {
  it('answers unknown for a code that was never issued, and for nonsense', async () => {
    expect((await check('AAAAA-AAAAA')).json()).toMatchObject({ status: 'unknown' });
    expect((await check('not-a-code')).json()).toMatchObject({ status: 'unknown' });
  });

  it('finds a certificate by its code within the officer\'s unit only', async () => {
    const find = (user: TestUser, unit: string, code: string) =>
      t.app.inject({ method: 'GET', url: `/api/certificates?unit=${unit}&code=${encodeURIComponent(code)}`, headers: user.headers });
    const found = await find(commune, '66001', learnerCode.toLowerCase());
    expect(found.statusCode).toBe(200);
    expect(found.json().items.map((c: { code: string }) => c.code)).toEqual([learnerCode]);
    expect((await find(otherCommune, '66002', learnerCode)).json().items).toEqual([]);
    expect((await find(otherCommune, '66001', learnerCode)).statusCode).toBe(404);
  });

  it('answers an administrator asking for a unit that does not exist with 404, and audits nothing', async () => {
    // Every unit is in an administrator's scope: the audit entry once named the missing unit and failed as a 500.
    const admin = await createUserAndLogin(t.app, { role: 'admin', scopeUnitCode: null });
    const audited = async () => Number((await t.db.selectFrom('audit_events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await audited();
    const response = await t.app.inject({ method: 'GET', url: '/api/certificates?unit=adult&limit=2', headers: admin.headers });
    expect(response.statusCode).toBe(404);
    expect(response.json().error).toMatchObject({ code: 'UNIT_NOT_FOUND', field: 'unit' });
    expect(await audited()).toBe(before);
    expect((await t.app.inject({ method: 'GET', url: '/api/certificates?unit=66', headers: admin.headers })).statusCode).toBe(200);
  });

  it('shows a revoked certificate as revoked with the reason', async () => {
    expect((await check(learnerCode)).json().status).toBe('valid');
    const path = `/api/certificates/${learnerCode}/revoke`;
    const outside = await t.app.inject({ method: 'POST', url: path, headers: otherCommune.headers, payload: { reason: 'Cấp nhầm người' } });
    expect(outside.statusCode).toBe(404);
    const empty = await t.app.inject({ method: 'POST', url: path, headers: commune.headers, payload: { reason: '   ' } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.field).toBe('reason');
    const revoked = await t.app.inject({ method: 'POST', url: path, headers: commune.headers, payload: { reason: 'Cấp nhầm người' } });
    expect(revoked.statusCode).toBe(200);
    const checked = (await check(learnerCode.toLowerCase())).json();
    expect(checked).toMatchObject({ status: 'revoked', revokedReason: 'Cấp nhầm người' });
    expect((await t.app.inject({ method: 'POST', url: path, headers: commune.headers, payload: { reason: 'Lần nữa' } })).statusCode).toBe(409);
    const audit = await t.db.selectFrom('audit_events').select('action').where('actor_user_id', '=', commune.id).execute();
    expect(audit.map((a) => a.action)).toContain('certificates.revoke');
  });
});
