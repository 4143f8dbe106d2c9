import { addDays } from '../lib/vietnam-day.js';
import { between, pick, seededRandom } from '../lib/seeded-random.js';
import { apportion } from './apportion.js';
import { ARTICLE, scaled } from './article-figures.js';
import { mondaysBetween, type CampaignCalendar } from './campaign-calendar.js';

/**
 * How the article's province totals are spread over communes and villages: each commune gets a
 * profile (how early it started, how engaged it is), and every total is shared out by largest
 * remainder with weights from the profiles. So communes differ — some far behind, some done —
 * while the province totals stay exact. Pure and deterministic: the same seed and statistics
 * give the same plan.
 */


export interface VillageStatistics {
  code: string;
  adults: number;
  population: number;
}

export interface CommuneStatistics {
  code: string;
  cadres: number;
  civilServants: number;
  villages: VillageStatistics[];
}

export type Pace = 'behind' | 'steady' | 'ahead';

export interface CommuneProfile {
  pace: Pace;
  /** Day the steering committee was decided. */
  committeeDay: string;
  /** Day the commune imported its teams. */
  teamsDay: string;
  /** First day of door-to-door work. */
  fieldStart: string;
  /** Share of adults the teams have reached (recorded as residents). */
  reach: number;
  /** Share of residents who belong to an ethnic minority. */
  minorityShare: number;
  /** Monday of the commune's Digital Education for All Week. */
  weekStart: string;
}

export interface VillagePlan {
  code: string;
  commune: string;
  /** People the teams have recorded, and of them those holding each milestone kind. */
  residents: number;
  milestones: Record<MilestoneKind, number>;
  teamMembers: number;
}

export interface CommunePlan {
  code: string;
  profile: CommuneProfile;
  villages: VillagePlan[];
  /** Reported figures: people trained (latest), civil servants on digital platforms, Week participants. */
  cadresTrained: number;
  civilServantsDigital: number;
  weekParticipants: number;
}

export const MILESTONE_KINDS = ['skills_confirmed', 'provincial_app', 'digital_signature', 'learning_platform'] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];

const sum = (values: readonly number[]) => values.reduce((s, v) => s + v, 0);

function profileOf(random: () => number, calendar: CampaignCalendar, weekMondays: readonly string[]): CommuneProfile & { engagement: number } {
  const roll = random();
  const pace: Pace = roll < 0.12 ? 'behind' : roll > 0.88 ? 'ahead' : 'steady';
  // Engagement drives every share: far behind ≈ 0.2 of adults confirmed, done ≈ 0.85.
  const engagement = pace === 'behind' ? 0.14 + 0.12 * random() : pace === 'ahead' ? 0.84 + 0.08 * random() : 0.42 + 0.3 * random();
  // A commune far behind started early and stalled (its work thins out, see field-schedule.ts), so its recent pace is low.
  const startOffset = pace === 'ahead' ? between(random, 0, 5) : pace === 'steady' ? between(random, 3, 21) : between(random, 0, 10);
  return {
    pace,
    engagement,
    // Committees from 11 days before the launch (4 July in 2025) over three weeks; teams from 5 days before it.
    committeeDay: addDays(calendar.start, between(random, -11, 9)),
    teamsDay: addDays(calendar.start, between(random, -5, 20)),
    fieldStart: addDays(calendar.start, startOffset),
    reach: Math.min(0.97, engagement + 0.15 + 0.1 * random()),
    minorityShare: random() < 0.55 ? 0.3 + 0.5 * random() : 0.05 + 0.1 * random(),
    weekStart: pick(random, weekMondays),
  };
}

export interface ProvincePlan {
  communes: CommunePlan[];
  residents: number;
  calendar: CampaignCalendar;
}

/** Spreads the article's figures at `scale` over the communes and villages of `communes`, reached by the calendar's report day. */
export function planProvince(communes: readonly CommuneStatistics[], scale: number, seed: number, calendar: CampaignCalendar): ProvincePlan {
  const random = seededRandom(seed);
  // Each commune's Week is held from the third week of the campaign and over before the report.
  const weekMondays = mondaysBetween(addDays(calendar.start, 14), calendar.reportDay);
  const profiles = communes.map(() => profileOf(random, calendar, weekMondays));
  const adultsOf = communes.map((c) => sum(c.villages.map((v) => v.adults)));
  const adults = sum(adultsOf);
  const cadres = sum(communes.map((c) => c.cadres));
  const noisy = (weight: number) => weight * (0.7 + 0.6 * random());

  // Province totals shared over communes; a share of adults never passes 93% in a commune.
  const capAdults = adultsOf.map((a) => Math.floor(a * 0.93));
  const perCommune: Record<MilestoneKind, number[]> = {
    skills_confirmed: apportion(Math.round(adults * ARTICLE.adultsConfirmedShare), adultsOf.map((a, i) => a * profiles[i]!.engagement), capAdults),
    provincial_app: apportion(Math.round(adults * ARTICLE.appInstalledShare), adultsOf.map((a, i) => noisy(a * profiles[i]!.engagement)), capAdults),
    digital_signature: apportion(scaled(ARTICLE.digitalSignatures, scale), adultsOf.map((a, i) => noisy(a * profiles[i]!.engagement)), capAdults),
    learning_platform: apportion(scaled(ARTICLE.learningPlatformRegistrations, scale), adultsOf.map((a, i) => noisy(a * profiles[i]!.engagement)), capAdults),
  };
  // 98% trained: most communes have trained everyone; the lagging ones hold the shortfall.
  const shortfall = cadres - Math.round(cadres * ARTICLE.cadresTrainedShare);
  const lagging = profiles.map((p) => (p.pace === 'behind' || random() < 0.15 ? 0.5 + random() : 0));
  const untrained = apportion(shortfall, communes.map((c, i) => c.cadres * lagging[i]!), communes.map((c, i) => (lagging[i]! > 0 ? c.cadres - 1 : 0)));
  const week = apportion(scaled(ARTICLE.weekParticipants, scale), communes.map((c, i) => noisy(sum(c.villages.map((v) => v.population)) * (0.3 + profiles[i]!.engagement))));

  // One member per village at least, then the rest by the size of the village.
  const villages = communes.flatMap((c) => c.villages);
  const members = scaled(ARTICLE.teamMembers, scale);
  if (members < villages.length) throw new Error(`${members} team members cannot staff ${villages.length} villages`);
  const extraMembers = apportion(members - villages.length, villages.map((v) => noisy(v.adults)));
  let villageIndex = 0;
  let residents = 0;

  const plans = communes.map((commune, c): CommunePlan => {
    const profile = profiles[c]!;
    const weights = commune.villages.map((v) => noisy(v.adults));
    const caps = commune.villages.map((v) => Math.floor(v.adults * 0.97));
    const byKind = Object.fromEntries(MILESTONE_KINDS.map((kind) => [kind, apportion(perCommune[kind][c]!, weights, caps)])) as Record<MilestoneKind, number[]>;
    const villagePlans = commune.villages.map((village, v): VillagePlan => {
      const milestones = Object.fromEntries(MILESTONE_KINDS.map((kind) => [kind, byKind[kind][v]!])) as Record<MilestoneKind, number>;
      const reached = Math.round(village.adults * Math.min(0.97, profile.reach * (0.9 + 0.2 * random())));
      const count = Math.min(village.adults, Math.max(reached, ...Object.values(milestones)));
      residents += count;
      return { code: village.code, commune: commune.code, residents: count, milestones, teamMembers: 1 + extraMembers[villageIndex++]! };
    });
    return {
      code: commune.code, profile, villages: villagePlans,
      cadresTrained: commune.cadres - untrained[c]!, civilServantsDigital: commune.civilServants, weekParticipants: week[c]!,
    };
  });
  return { communes: plans, residents, calendar };
}
