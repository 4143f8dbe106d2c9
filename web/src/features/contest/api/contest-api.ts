import { apiFetch } from '../../../lib/api';

// The shapes of the public contest routes (src/modules/contest/contest.routes.ts).

export interface ContestPhase {
  number: number;
  startsOn: string;
  endsOn: string;
  participantCount: number | null;
  publishedAt: string | null;
}

export interface Contest {
  id: string;
  title: string;
  rules: { questionsPerAttempt: number; timeLimitSeconds: number; attemptsPerDay: number; graceSeconds: number };
  phases: ContestPhase[];
}

export interface Participant {
  fullName: string;
  unitCode: string;
}

export interface Paper {
  attemptId: string;
  questions: { id: string; text: string; options: { id: string; text: string }[] }[];
  deadline: string;
}

export interface AttemptResult {
  score: number;
  correct: number;
  durationMs: number;
}

export interface LeaderboardItem {
  rank: number;
  name: string;
  unitName: string;
  score: number;
  prediction: number;
  durationMs: number;
}

export interface Leaderboard {
  phase: number;
  participantCount: number;
  published: boolean;
  items: LeaderboardItem[];
  me: LeaderboardItem | null;
}

interface Call {
  language: string;
  signal?: AbortSignal;
}

export const fetchContests = (call: Call) => apiFetch<{ items: Contest[] }>('/api/contests', call);
export const fetchUnits = (contestId: string, call: Call) => apiFetch<{ items: { code: string; name: string }[] }>(`/api/contests/${contestId}/units`, call);
export const fetchMe = (call: Call) => apiFetch<Participant>('/api/contests/participants/me', call);
export const register = (body: { fullName: string; phone: string; unitCode: string }, call: Call) =>
  apiFetch<Participant>('/api/contests/participants', { ...call, method: 'POST', body });
export const startAttempt = (contestId: string, call: Call) => apiFetch<Paper>(`/api/contests/${contestId}/attempts`, { ...call, method: 'POST', body: {} });
export const submitAttempt = (attemptId: string, body: { answers: { questionId: string; optionId: string }[]; prediction: number }, call: Call) =>
  apiFetch<AttemptResult>(`/api/attempts/${attemptId}/submit`, { ...call, method: 'POST', body });
export const fetchLeaderboard = (contestId: string, phase: number, call: Call) =>
  apiFetch<Leaderboard>(`/api/contests/${contestId}/leaderboard?phase=${phase}&limit=20`, call);

export interface PhaseResults {
  phase: number;
  participantCount: number;
  winners: { rank: number; prize: number; fullName: string; unitName: string }[];
  units: { unitCode: string; unitName: string; participationPercent: number | null; prizeScore: number }[];
}
export const fetchResults = (contestId: string, phase: number, call: Call) => apiFetch<PhaseResults>(`/api/contests/${contestId}/results?phase=${phase}`, call);
