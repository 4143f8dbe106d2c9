import { useTranslation } from 'react-i18next';
import { useLiveQuery } from './live-query';
import { readValue } from './db';

export interface ReferenceItem {
  code: string;
  name: string;
  sort: number;
}

export interface ReferenceData {
  milestoneKinds: ReferenceItem[];
  skills: ReferenceItem[];
}

/**
 * The contract's defaults, used until the first pull brings the server's lists (officers can add
 * milestone kinds; those arrive with their names). Names here come from the locale catalogs.
 */
export const DEFAULT_MILESTONE_KINDS = [
  'vneid_activated', 'vneid_level2', 'provincial_app', 'digital_signature',
  'learning_platform', 'skills_confirmed', 'public_service_used', 'cashless_payment',
];
export const DEFAULT_SKILLS = ['public_services', 'online_shopping', 'online_payment', 'online_safety', 'local_platforms'];

export const referenceKey = (language: string) => `reference:${language}`;

export async function readReferenceData(language: string): Promise<ReferenceData> {
  const stored = (await readValue<ReferenceData>(referenceKey(language))) ?? (await readValue<ReferenceData>(referenceKey('vi')));
  const fallback = (codes: string[]) => codes.map((code, sort) => ({ code, name: '', sort }));
  return {
    milestoneKinds: stored?.milestoneKinds.length ? stored.milestoneKinds : fallback(DEFAULT_MILESTONE_KINDS),
    skills: stored?.skills.length ? stored.skills : fallback(DEFAULT_SKILLS),
  };
}

/** The lists in the screen's language, and a name for any code (server name, catalog name, or the code). */
export function useReferenceData(): ReferenceData & { milestoneName: (code: string) => string; skillName: (code: string) => string } {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const data = useLiveQuery(() => readReferenceData(language), [language]);
  const milestoneKinds = data?.milestoneKinds ?? DEFAULT_MILESTONE_KINDS.map((code, sort) => ({ code, name: '', sort }));
  const skills = data?.skills ?? DEFAULT_SKILLS.map((code, sort) => ({ code, name: '', sort }));
  const nameIn = (items: ReferenceItem[], prefix: string) => (code: string) =>
    items.find((item) => item.code === code)?.name || t(`${prefix}.${code}`, { defaultValue: code });
  return { milestoneKinds, skills, milestoneName: nameIn(milestoneKinds, 'milestone'), skillName: nameIn(skills, 'skill') };
}
