import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fastUuidV7 } from '../../lib/fast-uuid.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { createSmallProvince } from '../../testing/unit-fixtures.js';
import { recountRollups } from '../../rollup-sources.js';
import { enrol, findCourseByCode, recordCourseCompletion } from './enrolments.service.js';

let t: TestApp;
let courseId: string;

beforeAll(async () => {
  t = await startTestApp({ seed: createSmallProvince });
  courseId = fastUuidV7();
  await t.db.insertInto('courses').values({ id: courseId, province_code: '66', code: 'test-course', skill_code: 'online_safety', group_code: null, created_by: null }).execute();
});
afterAll(() => t.close());

const counts = async (source: string) => {
  const rows = await t.db.selectFrom('rollup_counts').select(['value']).where('source', '=', source).execute();
  return rows.reduce((sum, row) => sum + Number(row.value), 0);
};

describe('enrolments and completions as other modules call them', () => {
  it('finds a course by its code', async () => {
    expect(await findCourseByCode(t.db, '66', 'test-course')).toMatchObject({ id: courseId, skillCode: 'online_safety' });
    expect(await findCourseByCode(t.db, '66', 'nothing')).toBeNull();
  });

  it('enrols a resident once, completes once, and counts each once', async () => {
    const residentId = fastUuidV7();
    const input = { courseId, residentId, unitCode: '6600101', provinceCode: '66', source: 'import', enrolledOn: '2026-11-02' };
    const first = await enrol(t.db, input);
    const again = await enrol(t.db, input);
    expect(first.created).toBe(true);
    expect(again).toMatchObject({ id: first.id, created: false });
    const done = await recordCourseCompletion(t.db, { ...input, completedOn: '2026-11-05' });
    const doneAgain = await recordCourseCompletion(t.db, { ...input, completedOn: '2026-11-06' });
    expect(done.created).toBe(true);
    expect(doneAgain).toMatchObject({ id: done.id, created: false, completedOn: '2026-11-05' });
    expect(await counts('learning:learners')).toBe(1);
    expect(await counts('learning:completions')).toBe(1);
    // A completion reported for someone never enrolled enrols them too.
    await recordCourseCompletion(t.db, { courseId, residentId: fastUuidV7(), unitCode: '6600102', provinceCode: '66', source: 'xapi' });
    expect(await counts('learning:learners')).toBe(2);
    expect(await counts('learning:completions')).toBe(2);
  });

  it('rebuilds the same counts from the facts', async () => {
    const before = [await counts('learning:learners'), await counts('learning:completions')];
    await t.db.transaction().execute((trx) => recountRollups(trx, 'learning:'));
    expect([await counts('learning:learners'), await counts('learning:completions')]).toEqual(before);
  });

  it('refuses an unknown course', async () => {
    await expect(enrol(t.db, { courseId: fastUuidV7(), userId: null, residentId: fastUuidV7(), unitCode: '6600101', provinceCode: '66', source: 'app' }))
      .rejects.toMatchObject({ code: 'COURSE_NOT_FOUND' });
  });
});
