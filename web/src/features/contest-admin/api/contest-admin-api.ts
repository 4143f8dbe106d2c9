import { apiFetch } from '../../../lib/api';
import { uploadFile } from '../../../lib/upload';

// The shapes of /api/contest-admin (src/modules/contest/contest-admin.routes.ts).

export interface Bank { id: string; name: string; questionCount: number; createdAt: string }
export interface PrizeCounts { first: number; second: number; third: number }
export interface ContestRules {
  questionsPerAttempt: number; timeLimitSeconds: number; attemptsPerDay: number; graceSeconds: number; onePrizePerPerson: boolean;
  prizes: PrizeCounts; prizePoints: PrizeCounts; eligibleStatistic: 'adults' | 'population';
  minSecondsPerQuestion: number; attemptsPerAddress: number;
}
export interface AdminPhase { number: number; startsOn: string; endsOn: string; participantCount: number | null; publishedAt: string | null; prizes: PrizeCounts }
export interface AdminContest {
  id: string;
  title: string;
  bankId: string;
  rules: ContestRules;
  phases: AdminPhase[];
  /** How many organisers' phones are on record; the phones themselves never come back. */
  organiserCount: number;
}
export interface UnitResult {
  unitCode: string; unitName: string; participants: number; eligible: number | null; participationPercent: number | null;
  prizes: { first: number; second: number; third: number }; prizeScore: number;
}
export interface Winner { rank: number; prize: number; fullName: string; unitName: string; score: number; durationMs: number }
export interface Suspicious {
  addresses: { address: string; attempts: number; participants: number }[];
  fastAttempts: { attemptId: string; name: string; score: number; durationMs: number; secondsPerQuestion: number; address: string }[];
}
export { ImportRefused, type RowProblem } from '../../../lib/upload';

export interface Call { language: string; csrfToken: string; signal?: AbortSignal }

export const fetchBanks = (province: string, call: Call) => apiFetch<{ items: Bank[] }>(`/api/contest-admin/banks?provinceCode=${province}`, call);
export const fetchContests = (province: string, call: Call) => apiFetch<{ items: AdminContest[] }>(`/api/contest-admin/contests?provinceCode=${province}`, call);
export const createContest = (body: unknown, call: Call) => apiFetch<AdminContest>('/api/contest-admin/contests', { ...call, method: 'POST', body });
export const updateContest = (id: string, body: unknown, call: Call) => apiFetch<AdminContest>(`/api/contest-admin/contests/${id}`, { ...call, method: 'PATCH', body });
export const fetchUnits = (id: string, phase: number, call: Call) => apiFetch<{ items: UnitResult[] }>(`/api/contest-admin/contests/${id}/units?phase=${phase}`, call);
export const fetchWinners = (id: string, phase: number, call: Call) => apiFetch<{ items: Winner[] }>(`/api/contest-admin/contests/${id}/winners?phase=${phase}`, call);
export const fetchSuspicious = (id: string, phase: number, call: Call) => apiFetch<Suspicious>(`/api/contest-admin/contests/${id}/suspicious?phase=${phase}`, call);
export const publishPhase = (id: string, phase: number, call: Call) =>
  apiFetch<{ items: Winner[] }>(`/api/contest-admin/contests/${id}/phases/${phase}/publish`, { ...call, method: 'POST', body: {} });

const TYPES: Record<string, string> = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', csv: 'text/csv', aiken: 'text/plain', gift: 'text/plain' };

/** Sends a bank file as it is; a refused file throws ImportRefused with every row at fault, other refusals the API error. */
export function importBank(province: string, name: string, format: string, file: File, call: Call): Promise<Bank> {
  const query = new URLSearchParams({ provinceCode: province, name, format });
  return uploadFile<Bank>(`/api/contest-admin/banks?${query}`, file, TYPES[format]!, call);
}
