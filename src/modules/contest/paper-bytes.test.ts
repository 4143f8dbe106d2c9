import { describe, expect, it } from 'vitest';
import { bankIndex } from './bank-index.js';
import { paperBytes } from './paper-bytes.js';

const TEXTS = ['Đắk Lắk có bao nhiêu xã?', 'a "quoted" \\ back\\slash', 'tab\tnew\nline', '😀 and a lone \ud800', '', '</script>'];

describe('a paper as bytes', () => {
  it('is byte for byte what JSON.stringify writes of the paper in its schema order, whatever the texts hold', () => {
    const bank = TEXTS.map((text, i) => ({
      id: `q${i}`, topic: 't', text, correctOptionId: `q${i}-a`,
      options: ['a', 'b', 'c', 'd'].map((o, j) => ({ id: `q${i}-${o}`, text: TEXTS[(i + j + 1) % TEXTS.length]! })),
    }));
    const drawn = [{ questionId: 'q3', optionIds: ['q3-d', 'q3-a', 'q3-c', 'q3-b'] }, { questionId: 'q1', optionIds: ['q1-b', 'q1-a', 'q1-d', 'q1-c'] }];
    const bytes = paperBytes('0190a1b2-0000-7000-8000-000000000000', drawn, '2026-12-03T10:00:00.000Z', bankIndex(bank));
    const expected = {
      attemptId: '0190a1b2-0000-7000-8000-000000000000',
      questions: drawn.map((d) => {
        const question = bank.find((q) => q.id === d.questionId)!;
        return { id: question.id, text: question.text, options: d.optionIds.map((id) => ({ id, text: question.options.find((o) => o.id === id)!.text })) };
      }),
      deadline: '2026-12-03T10:00:00.000Z',
    };
    expect(bytes.toString('utf8')).toBe(JSON.stringify(expected));
    expect(bytes.equals(Buffer.from(JSON.stringify(expected)))).toBe(true);
    expect(JSON.parse(bytes.toString('utf8'))).toEqual(expected);
    expect(bytes.toString('utf8')).not.toContain('correct');
  });
});
