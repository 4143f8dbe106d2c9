import { uploadFile } from '../../../lib/upload';
import { apiFetch, ApiError } from '../../../lib/api';

/** The shapes of the teams and committees routes (src/modules/teams/teams.schema.ts). */
export const AFFILIATIONS = ['village_head', 'youth_union', 'womens_union', 'teacher', 'commune_police', 'telecom', 'resident', 'other'] as const;
export type Affiliation = (typeof AFFILIATIONS)[number];
export const COMMITTEE_ROLES = ['chair', 'deputy', 'member'] as const;
export type CommitteeRole = (typeof COMMITTEE_ROLES)[number];

export interface Unit { code: string; name: string; tier: string }
export interface TeamListItem {
  id: string; unitCode: string; name: string; establishedOn: string;
  decisionNumber: string | null; decisionDate: string | null; activeMembers: number; leaderName: string | null;
}
export interface TeamMember {
  id: string; fullName: string; affiliation: Affiliation; phone: string | null; role: 'leader' | 'member';
  userId: string | null; joinedOn: string; leftOn: string | null; active: boolean;
}
export interface TeamDetail extends TeamListItem { leaderId: string | null; members: TeamMember[] }
export interface CommitteeMember { fullName: string; position: string; committeeRole: CommitteeRole }
export interface Committee {
  unitCode: string; decisionNumber: string; decisionDate: string; updatedAt: string;
  members: (CommitteeMember & { id: string })[]; inheritedFrom: string | null;
}
export type Outcome = 'added' | 'updated' | 'unchanged' | 'leader';
export interface ImportSummary { teamsCreated: number; teamsRenamed: number; membersAdded: number; membersUpdated: number; leadersChanged: number; unchanged: number }
export interface ImportPreview {
  rows: { line: number; villageCode: string; teamName: string; fullName: string; role: string; outcome: Outcome | null; errors: { field: string | null; message: string }[] }[];
  summary: ImportSummary | null;
  fileErrors: { field: string | null; message: string }[];
}

interface Call { language: string; signal?: AbortSignal }
interface Write { language: string; csrfToken: string }

export const fetchUnit = (code: string, { language, signal }: Call) => apiFetch<Unit>(`/api/units/${encodeURIComponent(code)}`, { language, signal });
export const fetchChildren = (code: string, { language, signal }: Call) =>
  apiFetch<{ items: Unit[] }>(`/api/units/${encodeURIComponent(code)}/children?limit=500`, { language, signal }).then((page) => page.items);

/** The commune's committee, or null when it has none yet. */
export const fetchCommittee = (unit: string, { language, signal }: Call) =>
  apiFetch<Committee>(`/api/committees/${encodeURIComponent(unit)}`, { language, signal })
    .catch((error: unknown) => { if (error instanceof ApiError && error.code === 'COMMITTEE_NOT_FOUND') return null; throw error; });

export const saveCommittee = (unit: string, body: { decisionNumber: string; decisionDate: string; members: CommitteeMember[] }, { language, csrfToken }: Write) =>
  apiFetch<Committee>(`/api/committees/${encodeURIComponent(unit)}`, { method: 'PUT', body, language, csrfToken });

export const fetchTeams = (unit: string, { language, signal }: Call) =>
  apiFetch<{ items: TeamListItem[] }>(`/api/teams?${new URLSearchParams({ unit, limit: '500' })}`, { language, signal }).then((page) => page.items);
export const fetchTeam = (id: string, { language, signal }: Call) => apiFetch<TeamDetail>(`/api/teams/${id}`, { language, signal });

export const createTeam = (body: { unitCode: string; name: string; establishedOn: string }, { language, csrfToken }: Write) =>
  apiFetch<TeamDetail>('/api/teams', { method: 'POST', body, language, csrfToken });
export const addMember = (team: string, body: { fullName: string; affiliation: Affiliation; role: 'leader' | 'member'; phone?: string | null; joinedOn: string }, { language, csrfToken }: Write) =>
  apiFetch<TeamMember>(`/api/teams/${team}/members`, { method: 'POST', body, language, csrfToken });
export const endMember = (team: string, member: string, leftOn: string, { language, csrfToken }: Write) =>
  apiFetch<TeamMember>(`/api/teams/${team}/members/${member}/end`, { method: 'POST', body: { leftOn }, language, csrfToken });
export const moveMember = (team: string, member: string, toTeamId: string, on: string, { language, csrfToken }: Write) =>
  apiFetch<TeamMember>(`/api/teams/${team}/members/${member}/move`, { method: 'POST', body: { toTeamId, on }, language, csrfToken });
export const setLeader = (team: string, memberId: string, from: string, { language, csrfToken }: Write) =>
  apiFetch<TeamDetail>(`/api/teams/${team}/leader`, { method: 'POST', body: { memberId, from }, language, csrfToken });

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends the spreadsheet as it is, to be previewed (nothing written) or imported. */
const sendSheet = <T,>(path: string, file: File, day: string, write: Write): Promise<T> =>
  uploadFile<T>(`${path}?${new URLSearchParams({ date: day })}`, file, file.name.toLowerCase().endsWith('.xlsx') ? XLSX : 'text/csv', write);

export const previewImport = (file: File, day: string, write: Write) => sendSheet<ImportPreview>('/api/teams/import/preview', file, day, write);
export const runImport = (file: File, day: string, write: Write) => sendSheet<ImportSummary>('/api/teams/import', file, day, write);
