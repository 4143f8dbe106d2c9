/**
 * The figures of the Department of Science and Technology's report on the first 50 days of the
 * movement in Dak Lak (context/source-article.txt), which the scenario reproduces exactly. Counts
 * are multiplied by the scale (and rounded); shares hold at every scale.
 */
export const ARTICLE = {
  /** 100% of communes and wards have a steering committee. */
  committeeShare: 1,
  /** 100% of villages, hamlets and residential groups have a team. */
  villageTeamShare: 1,
  teamMembers: 18_328,
  /** 98% of cadres, civil servants and public employees trained in digital skills. */
  cadresTrainedShare: 0.98,
  learningPlatformRegistrations: 12_800,
  /** "reaching 62%" of the registration target. */
  registrationShareOfTarget: 0.62,
  /** 58% of adults guided, with their digital skills confirmed via VNeID. */
  adultsConfirmedShare: 0.58,
  /** 100% of civil servants handle procedures on digital platforms. */
  civilServantsDigitalShare: 1,
  /** 32% installation rate of the Dak Lak Digital app. */
  appInstalledShare: 0.32,
  digitalSignatures: 130_231,
  weekParticipants: 534_881,
} as const;

/** A count of the article at scale F. */
export const scaled = (count: number, scale: number) => Math.round(count * scale);

/** The denominators the scenario's province has, from its statistics and its units. */
export interface ProvinceTotals {
  communes: number;
  villages: number;
  adults: number;
  cadres: number;
  civilServants: number;
}

/** What GET /api/progress must show for the province: numerator and value of each indicator. */
export interface ExpectedFigure {
  code: string;
  numerator: number | null;
  denominator: number | null;
  /** The value at 2 decimals, as the progress answer rounds it. */
  value: number | null;
}

const share = (denominator: number, part: number) => Math.round(denominator * part);

export function expectedFigures(totals: ProvinceTotals, scale: number): ExpectedFigure[] {
  const percent = (numerator: number, denominator: number) => Math.round((numerator / denominator) * 100 * 100) / 100;
  const ratio = (code: string, numerator: number, denominator: number): ExpectedFigure => ({ code, numerator, denominator, value: percent(numerator, denominator) });
  const count = (code: string, numerator: number): ExpectedFigure => ({ code, numerator, denominator: null, value: numerator });
  return [
    ratio('steering_committees', share(totals.communes, ARTICLE.committeeShare), totals.communes),
    ratio('village_teams', share(totals.villages, ARTICLE.villageTeamShare), totals.villages),
    count('team_members', scaled(ARTICLE.teamMembers, scale)),
    ratio('cadres_trained', share(totals.cadres, ARTICLE.cadresTrainedShare), totals.cadres),
    count('learning_platform_registrations', scaled(ARTICLE.learningPlatformRegistrations, scale)),
    ratio('adults_skills_confirmed', share(totals.adults, ARTICLE.adultsConfirmedShare), totals.adults),
    ratio('civil_servants_digital', share(totals.civilServants, ARTICLE.civilServantsDigitalShare), totals.civilServants),
    ratio('provincial_app_installed', share(totals.adults, ARTICLE.appInstalledShare), totals.adults),
    count('digital_signatures', scaled(ARTICLE.digitalSignatures, scale)),
    count('week_participants', scaled(ARTICLE.weekParticipants, scale)),
  ];
}
