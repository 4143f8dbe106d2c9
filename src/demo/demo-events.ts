import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../db/database.js';
import type { Viewer } from '../http/access.js';
import { addDays, vietnamDay } from '../lib/vietnam-day.js';
import { createCampaign, createEvent } from '../modules/events/events.service.js';
import { register } from '../modules/events/registrations.service.js';
import { recordActivity, uploadMaterial } from '../modules/events/materials.service.js';
import { applySyncBatch, type SyncItemInput } from '../modules/outreach/sync.service.js';
import type { CommunePlan } from '../scenario/province-shape.js';

const SKILLS = ['public_services', 'online_payment', 'online_safety'];
const NAMES = ['H Hoa Niê', 'Y Sơn Êban', 'Nguyễn Thị Lan', 'Ama Khoa', 'Trần Văn Bình', 'H Mai Ayun'];
const at = (day: string, hour: number) => `${day}T${String(hour).padStart(2, '0')}:00:00+07:00`;

/**
 * The Week under way in the demo: a province campaign, Week events held in every third commune
 * (the demo accounts' own commune keeps its typed figure, so the reported-figures screen shows
 * how a typed figure counts) with registrations and check-ins by code and head count, and an
 * upcoming class in the demo commune that anyone can register for. About a hundred writes: well
 * under a second.
 */
export async function buildDemoEvents(db: Database, province: Viewer, communes: readonly CommunePlan[], secretKey: string, today = vietnamDay()): Promise<void> {
  const week = await createCampaign(db, province, {
    provinceCode: province.scopeUnitCode!, kind: 'week', title: 'Tuần lễ "Bình dân học vụ số"', startsOn: addDays(today, -6), endsOn: addDays(today, 7),
  });
  const items: SyncItemInput[] = [];
  const held = communes.filter((_, i) => i > 0 && i % 3 === 1).slice(0, 20);
  for (const [i, commune] of held.entries()) {
    const day = addDays(today, -1 - (i % 5));
    const event = await createEvent(db, province, {
      unitCode: commune.code, type: 'week', title: 'Ngày hội Bình dân học vụ số', startsAt: at(day, 7), endsAt: at(day, 11),
      place: 'Hội trường UBND xã', capacity: 80, skills: SKILLS, campaignId: week.id, organiser: 'UBND xã và Đoàn Thanh niên',
    });
    for (const [n, fullName] of NAMES.slice(0, 3 + (i % 4)).entries()) {
      const { code } = await register(db, null, event.id, { fullName }, secretKey, new Date(at(addDays(day, -2), 20)));
      // One registrant in four did not come.
      if (n % 4 !== 3) items.push(checkIn(event.id, { registrationCode: code, skill: SKILLS[n % SKILLS.length] }, at(day, 8)));
    }
    items.push(checkIn(event.id, { headCount: 10 + ((i * 7) % 25), skill: SKILLS[i % SKILLS.length] }, at(day, 9)));
  }
  if (items.length > 0) await applySyncBatch(db, province, { deviceId: uuidv7(), items }, { secretKey, lang: 'vi' });

  const first = communes[0];
  if (first) {
    await createEvent(db, province, {
      unitCode: first.code, type: 'class', title: 'Lớp kỹ năng số cho người cao tuổi', startsAt: at(addDays(today, 2), 8), endsAt: at(addDays(today, 2), 10),
      place: 'Nhà văn hóa thôn', capacity: 30, skills: ['public_services', 'online_safety'], organiser: 'Tổ công nghệ số cộng đồng',
    });
  }
}

/** A 1×1 PNG and the smallest PDF: stand-ins a province replaces with its own posters and leaflets. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

/** A few materials of the province, and communication activities of the communes that held the Week and of the demo commune. */
export async function buildDemoMaterials(db: Database, province: Viewer, communes: readonly CommunePlan[], today = vietnamDay()): Promise<void> {
  const unit = province.scopeUnitCode!;
  await uploadMaterial(db, province, { unit, kind: 'poster', title: 'Áp phích: Kích hoạt VNeID mức 2', language: 'vi', fileName: 'ap-phich-vneid.png' }, 'image/png', PNG);
  await uploadMaterial(db, province, { unit, kind: 'leaflet', title: 'Tờ rơi: 5 kỹ năng số cơ bản', language: 'vi', targetGroup: 'elderly', fileName: 'to-roi-5-ky-nang.pdf' }, 'application/pdf', PDF);
  await uploadMaterial(db, province, { unit, kind: 'leaflet', title: 'Tờ rơi tiếng Ê Đê: 5 kỹ năng số cơ bản', language: 'ede', targetGroup: 'ethnic_minority', fileName: 'to-roi-ede.pdf' }, 'application/pdf', PDF);
  for (const [i, commune] of communes.filter((_, i) => i % 3 === 1).slice(0, 10).entries()) {
    await recordActivity(db, province, { unitCode: commune.code, kind: i % 2 === 0 ? 'loudspeaker' : 'banner', day: addDays(today, -1 - (i % 4)), reach: i % 2 === 0 ? 1500 + i * 100 : undefined });
  }
  // The demo accounts' own commune opens its screen with a conference and a broadcast of its own.
  const own = communes[0];
  if (own) {
    await recordActivity(db, province, { unitCode: own.code, kind: 'conference', day: addDays(today, -12), reach: 85 });
    await recordActivity(db, province, { unitCode: own.code, kind: 'loudspeaker', day: addDays(today, -2), reach: 1200 });
  }
}

function checkIn(eventId: string, who: Record<string, unknown>, checkedInAt: string): SyncItemInput {
  return { id: uuidv7(), kind: 'check_in', recordedAt: checkedInAt, data: { eventId, ...who, checkedInAt } };
}
