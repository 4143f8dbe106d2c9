import type { App } from '../../app.js';
import type { TestUser } from '../../testing/login.js';

/** An Aiken bank of `count` made-up questions whose right answer is always the option "Đúng k". */
export function aikenBank(count: number): string {
  return Array.from({ length: count }, (_, k) => [
    `Câu hỏi số ${k + 1}?`, `A. Sai ${k} một`, `B. Đúng ${k}`, `C. Sai ${k} hai`, `D. Sai ${k} ba`, 'ANSWER: B',
  ].join('\n')).join('\n\n');
}

export async function importAikenBank(app: App, officer: TestUser, count: number): Promise<string> {
  const response = await app.inject({
    method: 'POST', url: '/api/contest-admin/banks?provinceCode=66&name=Thử&format=aiken&topic=Kỹ%20năng%20số',
    headers: { ...officer.headers, 'content-type': 'text/plain' }, payload: aikenBank(count),
  });
  if (response.statusCode !== 201) throw new Error(`bank import failed: ${response.body}`);
  return (response.json() as { id: string }).id;
}

export interface ContestClient {
  cookie: string;
  address: string;
}

let people = 0;

/** Registers a made-up person through the public route; answers the cookie to send back. */
export async function registerPerson(app: App, unitCode: string, name = `Người Thử ${people + 1}`): Promise<ContestClient> {
  people += 1;
  const phone = `09${String(10_000_000 + people).slice(-8)}`;
  const address = `172.16.${(people >> 8) & 255}.${people & 255}`;
  const response = await app.inject({ method: 'POST', url: '/api/contests/participants', payload: { fullName: name, phone, unitCode }, remoteAddress: address });
  if (response.statusCode !== 200) throw new Error(`registration failed: ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'doorstep_contest')!;
  return { cookie: `doorstep_contest=${cookie.value}`, address };
}

/** Right answers by the bank's convention above: the option whose text starts with "Đúng". */
export function rightAnswers(paper: { questions: { id: string; options: { id: string; text: string }[] }[] }, howMany: number) {
  return paper.questions.map((q, i) => ({
    questionId: q.id,
    optionId: (i < howMany ? q.options.find((o) => o.text.startsWith('Đúng')) : q.options.find((o) => o.text.startsWith('Sai')))!.id,
  }));
}
