/**
 * The scope rule of every API route, beside the role rule each route declares in `config.access`.
 * The authorization matrix (access-matrix.test.ts) walks the route table and fails on a route
 * missing here, so a new route must say how its target is chosen before it can land.
 *
 * - `scoped`: the request names a target (a unit, or a record of a unit). Built for a place in
 *   the caller's scope, a role the route admits must not be refused; built for a place outside
 *   it (another commune, or another province for a province officer), it must be refused (403)
 *   or not found (404), never served.
 * - `unscoped`: nothing of a unit is addressed (the caller's own account, the caller's scope
 *   taken implicitly, a public page, a shared definition): only the role rule is checked.
 *   `why` says which.
 */

/** One village with what lives in it, and the units above it; `unit` is the caller's level there. */
export interface Place {
  province: string;
  commune: string;
  village: string;
  /** The unit at the caller's own level: the province for a province officer, the commune for a commune officer, else the village. */
  unit: string;
  teamId: string;
  /** A second team of the same commune, in its other village. */
  otherTeamId: string;
  memberId: string;
  eventId: string;
  difficultyId: string;
  userId: string;
  materialId: string;
  reportedValueId: number;
  /** A pending statistics proposal of the commune. */
  proposalId: string;
}

import type { Role } from '../db/types.js';

export interface MatrixRequest {
  url: string;
  payload?: unknown;
  contentType?: string;
}

/** How a refusal looks when it is not a plain 403/404 (an import refuses row by row). */
export type Refusal = (answer: { statusCode: number; body: string }) => boolean;

interface RuleOptions {
  /** Roles the route admits but its service turns away whatever the target, with the reason. */
  refusedFor?: Partial<Record<Role, string>>;
  /** For a scoped rule: the roles whose scope the target sits at; other admitted roles are checked for their role only. */
  only?: readonly Role[];
  /** For a scoped rule: how the route refuses a target out of scope, when not by 403 or 404. */
  refusal?: Refusal;
}

export type ScopeRule =
  | ({ kind: 'scoped'; request: (place: Place) => MatrixRequest } & RuleOptions)
  | ({ kind: 'unscoped'; why: string; request?: () => MatrixRequest } & RuleOptions);

/** An id no record has: for routes whose target cannot be in any caller's scope in the fixture. */
export const NO_ID = '01890000-0000-7000-8000-000000000000';

const scoped = (request: (place: Place) => MatrixRequest, options: RuleOptions = {}): ScopeRule => ({ kind: 'scoped', request, ...options });
const url = (build: (p: Place) => string, options?: RuleOptions) => scoped((p) => ({ url: build(p) }), options);
const body = (path: string | ((p: Place) => string), payload: (p: Place) => unknown, options?: RuleOptions) =>
  scoped((p) => ({ url: typeof path === 'string' ? path : path(p), payload: payload(p) }), options);
/** An import names its units in rows: a row out of scope refuses the whole file, naming the row. */
const rowRefusal: Refusal = ({ statusCode, body: text }) => statusCode === 422 && /"reason":"(OUT_OF_SCOPE|UNKNOWN_UNIT)"/.test(text);
const csv = (path: string, rows: (p: Place) => string, refusal: Refusal = rowRefusal) =>
  scoped((p) => ({ url: path, payload: rows(p), contentType: 'text/csv' }), { refusal });
const unscoped = (why: string, request?: () => MatrixRequest, options: RuleOptions = {}): ScopeRule => ({ kind: 'unscoped', why, request, ...options });

const OWN = 'the caller\'s own account or session';
const PUBLIC = 'public: open to anyone by design';
const SHARED = 'a definition shared by the province or the system, not a unit\'s record';
const LEARNER = 'the learner\'s own courses, enrolments and checks';
const CONTEST = 'the public contest: participants are identified by their own contest token';
const ADMIN_LINKS = 'single sign-on links: the administrator\'s alone, who has no unit scope';
const IMPLICIT = 'acts within the caller\'s own scope, which it takes from the session, naming no unit';

const split = (p: Place) => ({
  successors: [{ code: `${p.commune}07`, name: 'Thôn Bảy', type: 'thôn' }, { code: `${p.commune}06`, name: 'Thôn Sáu', type: 'thôn' }],
  children: {}, factsTo: `${p.commune}07`, effectiveDate: '2025-08-01',
});
const NO_UNIT_TO_LEARN = 'the administrator belongs to no province or unit, so has no courses of its own';

export const SCOPE_RULES: Record<string, ScopeRule> = {
  'GET /api/health': unscoped(PUBLIC),
  'POST /api/auth/reset': unscoped(PUBLIC),
  'POST /api/auth/password': unscoped(OWN),
  'GET /api/auth/sessions': unscoped(OWN),
  'POST /api/auth/logout-everywhere': unscoped(OWN),
  'POST /api/auth/login': unscoped(PUBLIC),
  'POST /api/auth/logout': unscoped(OWN),
  'GET /api/auth/me': unscoped(OWN),
  'GET /api/auth/sso/': unscoped(PUBLIC),
  'GET /api/auth/sso/start': unscoped(PUBLIC),
  'GET /api/auth/sso/callback': unscoped(PUBLIC),

  'GET /api/users/': unscoped('lists the users of the caller\'s own subtree'),
  'GET /api/users/:id': url((p) => `/api/users/${p.userId}`),
  'GET /api/users/:id/identities': unscoped(ADMIN_LINKS),
  'POST /api/users/:id/identities': unscoped(ADMIN_LINKS),
  'DELETE /api/users/:id/identities/:identityId': unscoped(ADMIN_LINKS),
  'POST /api/users/': body('/api/users/', (p) => ({ username: `matrix-${p.unit}-${Math.random().toString(36).slice(2, 8)}`, displayName: 'Người thử', password: 'matrix-pass-2026', role: 'team_member', scopeUnitCode: p.village })),
  'PATCH /api/users/:id': body((p) => `/api/users/${p.userId}`, () => ({ displayName: 'Người thử' })),
  'POST /api/users/:id/reset-code': url((p) => `/api/users/${p.userId}/reset-code`),
  'GET /api/audit/': url((p) => `/api/audit/?unit=${p.unit}`),
  'GET /api/audit/export': url((p) => `/api/audit/export?unit=${p.unit}`),

  'GET /api/units/:code': unscoped('the unit tree is not personal: every signed-in user may read names and codes'),
  'GET /api/units/:code/children': unscoped('the unit tree is not personal: every signed-in user may read names and codes'),
  'GET /api/units/:code/search': unscoped('the unit tree is not personal: every signed-in user may read names and codes'),
  'GET /api/units/:code/statistics': url((p) => `/api/units/${p.unit}/statistics`),
  'POST /api/units/': body('/api/units/', (p) => ({ code: `${p.commune}09`, name: 'Thôn Mới', type: 'thôn', parentCode: p.commune, validFrom: '2025-08-01' })),
  'POST /api/units/:code/rename': body((p) => `/api/units/${p.village}/rename`, () => ({ name: 'Thôn Đổi Tên', effectiveDate: '2025-08-01' })),
  'POST /api/units/:code/move': body((p) => `/api/units/${p.village}/move`, (p) => ({ parentCode: p.commune, effectiveDate: '2025-08-01' })),
  'POST /api/units/merge': body('/api/units/merge', (p) => ({ sources: [p.village, `${p.commune}02`], into: { code: `${p.commune}08`, name: 'Thôn Gộp', type: 'thôn' }, effectiveDate: '2025-08-01' })),
  'POST /api/units/:code/split': body((p) => `/api/units/${p.village}/split`, split),
  'POST /api/units/:code/rename/preview': body((p) => `/api/units/${p.village}/rename/preview`, () => ({ name: 'Thôn Đổi Tên', effectiveDate: '2025-08-01' })),
  'POST /api/units/:code/move/preview': body((p) => `/api/units/${p.village}/move/preview`, (p) => ({ parentCode: p.commune, effectiveDate: '2025-08-01' })),
  'POST /api/units/merge/preview': body('/api/units/merge/preview', (p) => ({ sources: [p.village, `${p.commune}02`], into: { code: `${p.commune}08`, name: 'Thôn Gộp', type: 'thôn' }, effectiveDate: '2025-08-01' })),
  'POST /api/units/:code/split/preview': body((p) => `/api/units/${p.village}/split/preview`, split),
  'POST /api/units/import/official-list': unscoped('the national list: only the province officer role imports it, checked row by row against the caller\'s province'),
  'POST /api/units/import/villages': csv('/api/units/import/villages', (p) => `commune_code,village_code,name,type\n${p.commune},${p.commune}05,Thôn Năm,thôn\n`),
  'POST /api/units/import/statistics': csv('/api/units/import/statistics', (p) => `unit_code,as_of,adults\n${p.commune},2025-08-01,100\n`),

  'POST /api/statistic-proposals/': body('/api/statistic-proposals/', (p) => ({ unitCode: p.commune, asOf: '2025-08-01', statistics: { adults: 120 } })),
  'GET /api/statistic-proposals/': url((p) => `/api/statistic-proposals/?unit=${p.unit}`),
  'POST /api/statistic-proposals/:id/approve': url((p) => `/api/statistic-proposals/${p.proposalId}/approve`),
  'POST /api/statistic-proposals/:id/reject': body((p) => `/api/statistic-proposals/${p.proposalId}/reject`, () => ({ reason: 'Số người lớn thấp hơn điều tra dân số' })),
  'GET /api/milestone-kinds/': unscoped('the kinds the caller\'s province uses: shared ones and its own, taken from the session'),
  'POST /api/milestone-kinds/': unscoped('a kind belongs to the caller\'s own province, taken from the session'),
  'GET /api/skills/': unscoped(SHARED),

  'GET /api/learning/courses': unscoped(LEARNER, undefined, { refusedFor: { admin: NO_UNIT_TO_LEARN } }),
  'GET /api/learning/courses/:id': unscoped(LEARNER),
  'POST /api/learning/courses/:id/enrolment': unscoped(LEARNER),
  'GET /api/learning/my/courses': unscoped(LEARNER, undefined, { refusedFor: { admin: NO_UNIT_TO_LEARN } }),
  'GET /api/learning/lessons/:id': unscoped(LEARNER),
  'GET /api/learning/lessons/:id/quiz': unscoped(LEARNER),
  'POST /api/learning/lessons/:id/quiz': unscoped(LEARNER),
  'GET /api/learning/skill-checks': unscoped(LEARNER, undefined, { refusedFor: { admin: NO_UNIT_TO_LEARN } }),
  'POST /api/learning/skill-checks/:skill/attempts': unscoped(LEARNER),
  'POST /api/learning/skill-check-attempts/:id/submit': unscoped(LEARNER),

  'GET /api/learning-admin/framework': unscoped(SHARED),
  'PUT /api/learning-admin/framework': unscoped(SHARED),
  'GET /api/learning-admin/framework/variants': unscoped(SHARED),
  'POST /api/learning-admin/framework/variants/:name': unscoped(SHARED),
  'GET /api/learning-admin/courses': unscoped('the courses of the author\'s province, taken from the session', undefined, { refusedFor: { admin: 'course authors write for their province; the administrator has none' } }),
  'POST /api/learning-admin/courses': unscoped(SHARED),
  'GET /api/learning-admin/courses/:id': unscoped(SHARED),
  'PUT /api/learning-admin/courses/:id': unscoped(SHARED),
  'POST /api/learning-admin/courses/:id/lessons': unscoped(SHARED),
  'GET /api/learning-admin/lessons/:id': unscoped(SHARED),
  'PUT /api/learning-admin/lessons/:id': unscoped(SHARED),
  'POST /api/learning-admin/preview': unscoped(SHARED),
  'GET /api/learning-admin/skill-checks': unscoped(SHARED),
  'PUT /api/learning-admin/skill-checks/:skill': unscoped(SHARED),
  'POST /api/learning-admin/links': body('/api/learning-admin/links', (p) => ({ userId: p.userId, residentId: NO_ID })),
  'DELETE /api/learning-admin/links/:userId': url((p) => `/api/learning-admin/links/${p.userId}`),

  'POST /api/sync/': unscoped('each item names its village and is answered rejected when outside the caller\'s scope (sync tests)'),
  'GET /api/sync/pull': url((p) => `/api/sync/pull?village=${p.village}`),
  'GET /api/sync/conflicts': url((p) => `/api/sync/conflicts?unit=${p.unit}`),
  'POST /api/sync/conflicts/:id/resolve': unscoped('a conflict id: covered by the conflict tests; no conflict exists in this fixture', () => ({ url: `/api/sync/conflicts/${NO_ID}/resolve`, payload: { choice: 'keep' } })),
  'GET /api/coverage/': url((p) => `/api/coverage/?unit=${p.unit}`),
  'GET /api/coverage/missing': url((p) => `/api/coverage/missing?village=${p.village}&milestone=vneid_activated`),
  'GET /api/team-desk/': url((p) => `/api/team-desk/?village=${p.village}`),
  'POST /api/team-desk/assignments': body('/api/team-desk/assignments', (p) => ({ village: p.village, userId: p.userId, householdIds: [NO_ID] })),

  'GET /api/teams/': url((p) => `/api/teams/?unit=${p.unit}`),
  'POST /api/teams/': body('/api/teams/', (p) => ({ unitCode: p.village, name: `Tổ thử ${Math.random().toString(36).slice(2, 8)}`, establishedOn: '2025-08-01' })),
  'POST /api/teams/import': csv('/api/teams/import', (p) => `village_code,team_name,member_name,affiliation,role,phone,username\n${p.village},Tổ nhập,Người A,teacher,member,,\n`),
  // The preview answers 200 with each row's errors: a row out of scope carries one on its village.
  'POST /api/teams/import/preview': csv('/api/teams/import/preview', (p) => `village_code,team_name,member_name,affiliation,role,phone,username\n${p.village},Tổ nhập,Người A,teacher,member,,\n`,
    ({ statusCode, body: text }) => statusCode === 200 && /"errors":\[\{"field":"village_code"/.test(text)),
  'GET /api/teams/:id': url((p) => `/api/teams/${p.teamId}`),
  'PATCH /api/teams/:id': body((p) => `/api/teams/${p.teamId}`, () => ({ decisionNumber: '1/QĐ' })),
  'POST /api/teams/:id/members': body((p) => `/api/teams/${p.teamId}/members`, () => ({ fullName: 'Người Mới', affiliation: 'teacher', role: 'member', joinedOn: '2025-08-01' })),
  'POST /api/teams/:id/members/:memberId/end': body((p) => `/api/teams/${p.teamId}/members/${p.memberId}/end`, () => ({ leftOn: '2025-08-02' })),
  'POST /api/teams/:id/members/:memberId/move': body((p) => `/api/teams/${p.teamId}/members/${p.memberId}/move`, (p) => ({ toTeamId: p.otherTeamId })),
  'POST /api/teams/:id/leader': body((p) => `/api/teams/${p.teamId}/leader`, (p) => ({ memberId: p.memberId })),
  // Committees sit at communes: a village's team reads its own commune's (personal-data tests).
  'GET /api/committees/:unitCode': url((p) => `/api/committees/${p.commune}`, { only: ['admin', 'province_officer', 'commune_officer'] }),
  'PUT /api/committees/:unitCode': body((p) => `/api/committees/${p.commune}`, () => ({ decisionNumber: '2/QĐ', decisionDate: '2025-07-10', members: [] })),

  'PUT /api/reported-values': body('/api/reported-values', (p) => ({ indicatorCode: 'matrix_reported', unitCode: p.commune, periodType: 'month', periodStart: '2025-09-01', value: 3 })),
  'GET /api/reported-values': url((p) => `/api/reported-values?unit=${p.unit}`),
  'GET /api/reported-values/:id/history': url((p) => `/api/reported-values/${p.reportedValueId}/history`),
  'POST /api/reported-values/:id/submit': body((p) => `/api/reported-values/${p.reportedValueId}/submit`, () => ({})),
  'POST /api/reported-values/:id/approve': body((p) => `/api/reported-values/${p.reportedValueId}/approve`, () => ({})),
  'POST /api/reported-values/:id/return': body((p) => `/api/reported-values/${p.reportedValueId}/return`, () => ({ comment: 'Xem lại' })),
  'POST /api/difficulties': body('/api/difficulties', (p) => ({ unitCode: p.village, category: 'other', description: 'Thử' })),
  'GET /api/difficulties': url((p) => `/api/difficulties?unit=${p.unit}`),
  'GET /api/difficulties/:id': url((p) => `/api/difficulties/${p.difficultyId}`),
  'GET /api/difficulties/:id/photo': unscoped('no fixture difficulty has a photo; the photo is read through the same scope check as the difficulty (difficulty tests)'),
  'POST /api/difficulties/:id': body((p) => `/api/difficulties/${p.difficultyId}`, () => ({ action: 'answer', answer: 'Đã xử lý' })),

  'GET /api/indicators': unscoped('the indicators of the caller\'s province, taken from the session'),
  'PUT /api/indicators/:code': unscoped('an indicator of the caller\'s province, taken from the session'),
  'GET /api/targets': url((p) => `/api/targets?unit=${p.unit}`),
  'GET /api/targets/changes': url((p) => `/api/targets/changes?unit=${p.unit}`),
  'PUT /api/targets': body('/api/targets', (p) => ({ indicatorCode: 'matrix_reported', unitCode: p.commune, deadline: '2025-12-31', targetValue: 10 })),
  'DELETE /api/targets': url((p) => `/api/targets?indicator=matrix_reported&unit=${p.commune}&deadline=2025-12-31`),
  'GET /api/progress': url((p) => `/api/progress?unit=${p.unit}`),
  'GET /api/alerts': url((p) => `/api/alerts?unit=${p.unit}`),
  'POST /api/alerts/refresh': unscoped(IMPLICIT),
  'POST /api/alerts/:id/acknowledge': unscoped('an alert id: no alert exists in this fixture (alert tests cover its scope)', () => ({ url: `/api/alerts/${NO_ID}/acknowledge`, payload: {} })),
  'GET /api/progress/children': url((p) => `/api/progress/children?unit=${p.unit}`),

  'GET /api/reports/:unit.xlsx': url((p) => `/api/reports/${p.unit}.xlsx`),
  'GET /api/reports/:unit.pdf': url((p) => `/api/reports/${p.unit}.pdf`),
  'GET /api/reports/:unit/children.csv': url((p) => `/api/reports/${p.unit}/children.csv`),
  'GET /api/reports/:unit/dhis2.json': url((p) => `/api/reports/${p.unit}/dhis2.json?period=202509`),
  'GET /api/reports/:unit/dhis2.csv': url((p) => `/api/reports/${p.unit}/dhis2.csv?period=202509`),
  'GET /api/reports/:unit/summary': url((p) => `/api/reports/${p.unit}/summary`),
  'GET /api/reports/:unit/summary.pdf': url((p) => `/api/reports/${p.unit}/summary.pdf`),
  'GET /api/dhis2/mapping': unscoped('the mapping of the caller\'s province, taken from the session'),
  'GET /api/dhis2/mapping.csv': unscoped('the mapping of the caller\'s province, taken from the session'),
  'PUT /api/dhis2/mapping/:kind/:code': unscoped('the mapping of the caller\'s province, taken from the session'),
  'DELETE /api/dhis2/mapping/:kind/:code': unscoped('the mapping of the caller\'s province, taken from the session'),
  'POST /api/dhis2/mapping/import': unscoped('the mapping of the caller\'s province, taken from the session'),
  'GET /api/reports/phases': url((p) => `/api/reports/phases?unit=${p.unit}`),
  'PUT /api/reports/phases/:code': unscoped('a campaign phase of the caller\'s province or a shared one (admin)'),
  'GET /api/reports/:unit/phase': url((p) => `/api/reports/${p.unit}/phase`),
  'GET /api/reports/:unit/phase.xlsx': url((p) => `/api/reports/${p.unit}/phase.xlsx`),

  'GET /api/public/provinces': unscoped(PUBLIC),
  'GET /api/public/progress': unscoped(PUBLIC),
  'GET /api/public/page': unscoped(PUBLIC),
  'GET /api/progress/series': url((p) => `/api/progress/series?unit=${p.unit}&indicator=matrix_reported`),
  'GET /api/progress/version': url((p) => `/api/progress/version?unit=${p.unit}`),
  'GET /api/progress/teams': url((p) => `/api/progress/teams?unit=${p.unit}`),
  'GET /api/progress/roots': unscoped(IMPLICIT),

  'GET /api/contests': unscoped(CONTEST),
  'GET /api/contests/published': unscoped(CONTEST),
  'GET /api/contests/:id/units': unscoped(CONTEST),
  'POST /api/contests/participants': unscoped(CONTEST),
  'GET /api/contests/participants/me': unscoped(CONTEST),
  'POST /api/contests/:id/attempts': unscoped(CONTEST),
  'POST /api/attempts/:id/submit': unscoped(CONTEST),
  'GET /api/contests/:id/leaderboard': unscoped(CONTEST),
  'GET /api/contests/:id/results': unscoped(CONTEST),
  'POST /api/contest-admin/banks': unscoped('contests belong to the caller\'s province, taken from the session'),
  'GET /api/contest-admin/banks': unscoped('contests belong to the caller\'s province, taken from the session'),
  'GET /api/contest-admin/banks/:id/export': unscoped('contests belong to the caller\'s province, taken from the session'),
  'POST /api/contest-admin/contests': unscoped('contests belong to the caller\'s province, taken from the session'),
  'PATCH /api/contest-admin/contests/:id': unscoped('contests belong to the caller\'s province, taken from the session'),
  'GET /api/contest-admin/summary': unscoped('contests belong to the caller\'s province, taken from the session'),
  'GET /api/contest-admin/contests': unscoped('contests belong to the caller\'s province, taken from the session'),
  'GET /api/contest-admin/contests/:id/winners': unscoped('contests belong to the caller\'s province, taken from the session'),
  'GET /api/contest-admin/contests/:id/units': unscoped('contests belong to the caller\'s province, taken from the session'),
  'POST /api/contest-admin/contests/:id/phases/:number/publish': unscoped('contests belong to the caller\'s province, taken from the session'),
  'GET /api/contest-admin/contests/:id/suspicious': unscoped('contests belong to the caller\'s province, taken from the session'),

  'POST /api/event-campaigns': body('/api/event-campaigns', (p) => ({ provinceCode: p.province, kind: 'week', title: 'Tuần lễ thử', startsOn: '2025-10-01', endsOn: '2025-10-07' })),
  'GET /api/event-campaigns': unscoped('campaigns are the province\'s, shown to every field role of it; the list names no one'),
  'GET /api/event-campaigns/:id/progress': unscoped('a campaign id: campaigns are province-wide'),
  'POST /api/events': body('/api/events', (p) => ({ unitCode: p.commune, type: 'class', title: 'Lớp thử', startsAt: '2025-10-02T08:00:00+07:00', endsAt: '2025-10-02T10:00:00+07:00' })),
  'PUT /api/events/:id': body((p) => `/api/events/${p.eventId}`, (p) => ({ unitCode: p.commune, type: 'class', title: 'Lớp thử', startsAt: '2025-10-02T08:00:00+07:00', endsAt: '2025-10-02T10:00:00+07:00' })),
  'GET /api/events': url((p) => `/api/events?unit=${p.unit}`),
  'GET /api/events/attendance': url((p) => `/api/events/attendance?unit=${p.unit}`),
  'GET /api/events/:id/attendance': url((p) => `/api/events/${p.eventId}/attendance`),
  'GET /api/events/:id/public': unscoped(PUBLIC),
  'POST /api/events/:id/registrations': unscoped(PUBLIC),
  'POST /api/materials': scoped((p) => ({ url: `/api/materials?unit=${p.commune}&title=T%E1%BB%9D&kind=poster&language=vi&fileName=a.pdf`, payload: '%PDF-1.4\n%matrix\n', contentType: 'application/pdf' })),
  'GET /api/materials': url((p) => `/api/materials?unit=${p.unit}`),
  'GET /api/materials/:id/file': url((p) => `/api/materials/${p.materialId}/file`),
  'POST /api/communication-activities': body('/api/communication-activities', (p) => ({ unitCode: p.commune, kind: 'loudspeaker', day: '2025-09-01' })),
  'GET /api/communication-activities': url((p) => `/api/communication-activities?unit=${p.unit}`),

  'GET /api/certificates/:code': unscoped(PUBLIC),
  'GET /api/certificates/issuer/:province': unscoped(PUBLIC),
  'GET /api/certificates': url((p) => `/api/certificates?unit=${p.unit}`),
  'POST /api/certificates/:code/revoke': unscoped('a certificate code: none is issued in this fixture (certificate tests cover its scope)'),
  'GET /api/me/certificates': unscoped(OWN),
  'GET /api/me/certificates/:code/pdf': unscoped(OWN),
  'GET /api/me/certificates/:code/credential': unscoped(OWN),

  'POST /api/xapi/statements': unscoped('learning systems sign in with their own key (xAPI tests)'),
  'PUT /api/xapi/statements': unscoped('learning systems sign in with their own key (xAPI tests)'),
  'GET /api/xapi/statements': unscoped('learning systems sign in with their own key (xAPI tests)'),
  'GET /api/xapi/systems': url((p) => `/api/xapi/systems?unit=${p.unit}`),
  'POST /api/xapi/systems': body('/api/xapi/systems', (p) => ({ name: 'Moodle thử', unitCode: p.commune })),
  'POST /api/xapi/systems/:id/disable': unscoped('a learning system id: none is made in this fixture (xAPI tests cover who may disable one)'),
  'POST /api/learning-imports/national': unscoped('each row names its unit and is refused when outside the caller\'s scope (import tests)'),
};
