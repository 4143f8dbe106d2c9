import type { Database } from '../../db/database.js';
import type { Viewer } from '../../http/access.js';
import type { Language } from '../../i18n/index.js';
import { progressOf, type IndicatorProgress } from '../targets/progress/progress.service.js';
import type { Unit } from '../units/units.service.js';
import { formatShare } from '../../../shared/format/share.js';
import { countLabel, formatDay, formatNumber, percentAchieved } from './report-format.js';

/**
 * The movement's results in a paragraph of figures, like the province's own reports ("98% of
 * cadres… have been trained; 12,800 people have registered…"), written from the progress
 * figures. Indicators are data, so the sentences follow the indicator's kind (a percentage or a
 * count) rather than hand-written text per indicator.
 */
export interface MovementSummary {
  unit: { code: string; name: string; tier: Unit['tier'] };
  day: string;
  lead: string;
  sentences: { indicatorCode: string; text: string }[];
  /** "No data yet: …", naming the indicators without figures; null when every one has some. */
  noData: string | null;
  paragraph: string;
}

function longDay(lang: Language, day: string): string {
  if (lang === 'vi') return formatDay('vi', day);
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

function sentenceOf(lang: Language, i: IndicatorProgress): string {
  const n = (value: number | null) => formatNumber(lang, value);
  const achieved = percentAchieved(i.value, i.target);
  // Shares are written as the public page's tiles write them (shared/format/share.ts).
  const share = (value: number | null) => (value === null ? '–' : formatShare(lang, value));
  if (i.percent) {
    const ratio = i.numerator !== null && i.denominator !== null ? (lang === 'vi' ? ` (${n(i.numerator)}/${n(i.denominator)})` : ` (${n(i.numerator)} of ${n(i.denominator)})`) : '';
    const target = i.target === null ? ''
      : i.status === 'achieved'
        ? (lang === 'vi' ? `, đã đạt chỉ tiêu ${share(i.target)}` : `, meeting the ${share(i.target)} target`)
        : (lang === 'vi' ? `, chỉ tiêu ${share(i.target)}` : `, against a target of ${share(i.target)}`);
    return `${i.name}: ${lang === 'vi' ? 'đạt ' : ''}${share(i.value)}${ratio}${target}`;
  }
  const label = (count: number | null) => countLabel(lang, i.unitLabel, count ?? 0);
  const target = i.target === null || achieved === null ? ''
    : lang === 'vi' ? `, đạt ${share(achieved)} chỉ tiêu (${n(i.target)} ${label(i.target)})` : `, ${share(achieved)} of the target of ${n(i.target)} ${label(i.target)}`;
  return `${i.name}: ${n(i.value)} ${label(i.value)}${target}`;
}

function leadOf(lang: Language, unitName: string, day: string, indicators: readonly IndicatorProgress[]): string {
  const withTarget = indicators.filter((i) => i.target !== null && i.value !== null);
  const count = (...statuses: IndicatorProgress['status'][]) => withTarget.filter((i) => statuses.includes(i.status)).length;
  const [done, onTrack, late] = [count('achieved'), count('on_track'), count('at_risk', 'behind')];
  if (lang === 'en') {
    const parts = [`As of ${longDay(lang, day)}, ${unitName} has met ${done} of its ${withTarget.length} targets`];
    if (onTrack > 0) parts.push(`${onTrack} more are on track`);
    if (late > 0) parts.push(`${late} are behind or at risk`);
    return `${parts.join('; ')}.`;
  }
  const parts = [`Tính đến ngày ${longDay(lang, day)}, ${unitName} đã hoàn thành ${done}/${withTarget.length} chỉ tiêu`];
  if (onTrack > 0) parts.push(`${onTrack} chỉ tiêu đúng tiến độ`);
  if (late > 0) parts.push(`${late} chỉ tiêu chậm tiến độ hoặc có nguy cơ chậm`);
  return `${parts.join('; ')}.`;
}

/** The summary of a unit's figures, in one language. Pure: the caller supplies the progress. */
export function summarize(progress: { unit: Unit; day: string; indicators: readonly IndicatorProgress[] }, lang: Language): MovementSummary {
  const withData = progress.indicators.filter((i) => i.value !== null);
  const sentences = withData.map((i) => ({ indicatorCode: i.code, text: sentenceOf(lang, i) }));
  const missing = progress.indicators.filter((i) => i.value === null).map((i) => i.name);
  const lead = leadOf(lang, progress.unit.name, progress.day, progress.indicators);
  const noData = missing.length === 0 ? null : `${lang === 'vi' ? 'Chưa có số liệu' : 'No data yet'}: ${missing.join('; ')}.`;
  const body = sentences.length === 0 ? '' : ` ${sentences.map((s) => s.text).join('; ')}.`;
  return {
    unit: { code: progress.unit.code, name: progress.unit.name, tier: progress.unit.tier },
    day: progress.day, lead, sentences, noData, paragraph: `${lead}${body}${noData === null ? '' : ` ${noData}`}`,
  };
}

/** The summary of a unit the viewer may see (null viewer: the public page, no scope). */
export async function movementSummary(db: Database, viewer: Viewer | null, unitCode: string, lang: Language, day: string): Promise<MovementSummary> {
  return summarize(await progressOf(db, viewer, unitCode, lang, day), lang);
}
