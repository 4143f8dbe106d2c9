import { apiFetch, ApiError } from '../../../lib/api';

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
export interface RowProblem { row: number; field?: string; message: string }

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

/** Sends a bank file as raw bytes; a refused file answers its row report. */
export async function importBank(province: string, name: string, format: string, file: File, call: Call): Promise<{ bank?: Bank; rows?: RowProblem[]; error?: string }> {
  const query = new URLSearchParams({ provinceCode: province, name, format });
  const response = await fetch(`/api/contest-admin/banks?${query}`, {
    method: 'POST', credentials: 'same-origin', body: await file.arrayBuffer(),
    headers: { 'content-type': TYPES[format]!, 'x-csrf-token': call.csrfToken, 'accept-language': call.language },
  }).catch((e: unknown) => { throw new ApiError(0, 'NETWORK', String(e)); });
  const body = (await response.json()) as Bank & { error?: { message: string; rows?: RowProblem[] } };
  if (response.ok) return { bank: body };
  return { rows: body.error?.rows, error: body.error?.message };
}
