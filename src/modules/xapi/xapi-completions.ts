import type { Database } from '../../db/database.js';
import { findUserByUsername } from '../auth/auth.service.js';
import { recordCourseCompletion, findCourseByCode } from '../learning/enrolments.service.js';
import { learnerOf } from '../learning/learners.service.js';
import { isWithinScope, provinceCodeOf } from '../units/units.service.js';
import type { SystemRow } from './xapi.queries.js';

type Json = Record<string, unknown>;

const COMPLETED = 'http://adlnet.gov/expapi/verbs/completed';
const PASSED = 'http://adlnet.gov/expapi/verbs/passed';

/**
 * `completed` and `passed` statements about a known course become course completions, so Moodle
 * or Open edX can report into Doorstep. The actor is a Doorstep learner named by an `account`
 * whose name is their username; the course is the last path segment of the activity id (its
 * code in the system's province). Learners outside the system's unit, unknown courses and
 * statements that say the learner did not succeed are kept as statements only.
 */
export async function completionsFromStatements(trx: Database, system: SystemRow, statements: readonly Json[]): Promise<number> {
  let recorded = 0;
  const provinceCode = (await provinceCodeOf(trx, system.unit_code)) ?? system.unit_code;
  for (const s of statements) {
    const verb = (s.verb as Json).id;
    const object = s.object as Json;
    const result = s.result as Json | undefined;
    if (verb !== COMPLETED && verb !== PASSED) continue;
    if ((object.objectType ?? 'Activity') !== 'Activity') continue;
    if ((verb === PASSED && result?.success === false) || (verb === COMPLETED && result?.completion === false)) continue;
    const account = (s.actor as Json).account as Json | undefined;
    if (typeof account?.name !== 'string') continue;
    const code = String(object.id).replace(/[?#].*$/, '').replace(/\/+$/, '').split('/').pop() ?? '';
    const course = code ? await findCourseByCode(trx, provinceCode, decodeURIComponent(code)) : null;
    const user = await findUserByUsername(trx, account.name);
    if (!course || !user || user.disabled || !user.scopeUnitCode) continue;
    const learner = await learnerOf(trx, { id: user.id, username: user.username, role: user.role, scopeUnitCode: user.scopeUnitCode });
    if (!(await isWithinScope(trx, system.unit_code, learner.unitCode))) continue;
    const day = typeof s.timestamp === 'string' ? new Date(Date.parse(s.timestamp) + 7 * 3_600_000).toISOString().slice(0, 10) : undefined;
    const completion = await recordCourseCompletion(trx, {
      courseId: course.id, userId: learner.userId, residentId: learner.residentId, unitCode: learner.unitCode,
      provinceCode: learner.provinceCode, source: 'xapi', completedOn: day, externalRef: String(s.id),
    });
    if (completion.created) recorded += 1;
  }
  return recorded;
}
