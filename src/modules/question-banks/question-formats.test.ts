import { describe, expect, it } from 'vitest';
import { parseAiken, writeAiken } from './aiken.js';
import { parseBankSheet, writeBankXlsx } from './bank-sheet.js';
import { parseGift, writeGift } from './gift.js';

const AIKEN = `Ứng dụng nào là ứng dụng định danh điện tử quốc gia?
A. VNeID
B. Zalo
C. Facebook
D. YouTube
ANSWER: A

Mã OTP có nên đưa cho người lạ không?
A) Có, nếu họ xưng là công an
B) Có, nếu họ hứa tặng quà
C) Không bao giờ
D) Có, nếu họ gọi nhiều lần
ANSWER: C

Câu hỏi thiếu đáp án
A. Một
B. Hai
C. Ba
D. Bốn

Câu hỏi ba phương án
A. Một
B. Hai
C. Ba
ANSWER: B

Câu có đáp án lạ
A. Một
B. Hai
C. Ba
D. Bốn
ANSWER: E
`;

describe('Aiken', () => {
  it('reads good questions and reports each bad one at its line with its reason', () => {
    const { questions, errors } = parseAiken(AIKEN, 'Kỹ năng số');
    expect(questions).toHaveLength(2);
    expect(questions[0]).toEqual({ line: 1, topic: 'Kỹ năng số', text: 'Ứng dụng nào là ứng dụng định danh điện tử quốc gia?', options: ['VNeID', 'Zalo', 'Facebook', 'YouTube'], correct: 0 });
    expect(questions[1]!.correct).toBe(2);
    expect(errors.map((e) => [e.row, e.reason])).toEqual([
      [15, 'QUESTION_NO_ANSWER'],
      [21, 'QUESTION_OPTION_COUNT'],
      [32, 'QUESTION_BAD_ANSWER'],
    ]);
  });

  it('writes what it reads', () => {
    const { questions } = parseAiken(AIKEN);
    const again = parseAiken(writeAiken(questions));
    expect(again.errors).toEqual([]);
    expect(again.questions.map(({ line: _line, ...q }) => q)).toEqual(questions.map(({ line: _line, ...q }) => q));
  });
});

const GIFT = `// Bộ câu hỏi mẫu
$CATEGORY: $course$/top/An toàn trên mạng

::Q1:: Khi nhận tin nhắn báo trúng thưởng kèm đường link lạ, bạn nên làm gì? {
  =Không bấm vào link và xóa tin nhắn # Đúng
  ~Bấm vào link để nhận thưởng
  ~Gửi mã OTP để xác nhận
  ~Chuyển tiền phí nhận thưởng
}

Mật khẩu nào mạnh nhất? {~123456 ~matkhau =Tr0ng\\{Dong\\}\\#2025! ~ngaysinh}

$CATEGORY: Dịch vụ công

Trang nào là Cổng Dịch vụ công quốc gia? {=dichvucong.gov.vn ~dichvucong.com ~dvc.vn.net}

VNeID mức 2 cần xác thực khuôn mặt. {T}

Hai đáp án đúng? {=Một =Hai ~Ba ~Bốn}

Có trọng số {~%50%Một ~%50%Hai ~Ba ~Bốn}
`;

describe('GIFT', () => {
  it('reads multiple choice with categories as topics and refuses the rest by line', () => {
    const { questions, errors } = parseGift(GIFT);
    expect(questions).toHaveLength(2);
    expect(questions[0]).toMatchObject({ line: 4, topic: 'An toàn trên mạng', correct: 0, options: ['Không bấm vào link và xóa tin nhắn', 'Bấm vào link để nhận thưởng', 'Gửi mã OTP để xác nhận', 'Chuyển tiền phí nhận thưởng'] });
    expect(questions[1]).toMatchObject({ text: 'Mật khẩu nào mạnh nhất?', correct: 2, options: ['123456', 'matkhau', 'Tr0ng{Dong}#2025!', 'ngaysinh'] });
    expect(errors.map((e) => [e.row, e.reason])).toEqual([
      [15, 'QUESTION_OPTION_COUNT'],
      [17, 'QUESTION_NOT_MULTIPLE_CHOICE'],
      [19, 'QUESTION_MANY_ANSWERS'],
      [21, 'QUESTION_NOT_MULTIPLE_CHOICE'],
    ]);
  });

  it('writes what it reads, escapes included', () => {
    const { questions } = parseGift(GIFT);
    const again = parseGift(writeGift(questions));
    expect(again.errors).toEqual([]);
    expect(again.questions.map(({ line: _line, ...q }) => q)).toEqual(questions.map(({ line: _line, ...q }) => q));
  });
});

describe('XLSX', () => {
  it('round-trips a workbook and reports bad rows by the row Excel shows', async () => {
    const good = [
      { topic: 'Thanh toán', text: 'Mã QR dùng để làm gì khi thanh toán?', options: ['Chuyển tiền nhanh', 'Gọi điện', 'Chụp ảnh', 'Nghe nhạc'], correct: 0 },
      { topic: '', text: 'Chữ ký số dùng để?', options: ['Trang trí', 'Ký văn bản điện tử', 'Chơi game', 'Xem phim'], correct: 1 },
    ];
    const parsed = await parseBankSheet(await writeBankXlsx(good), 'xlsx');
    expect(parsed.errors).toEqual([]);
    expect(parsed.questions.map(({ line: _line, ...q }) => q)).toEqual(good);
    expect(parsed.questions.map((q) => q.line)).toEqual([2, 3]);

    const csv = 'question,option_a,option_b,option_c,option_d,answer,topic\nHỏi?,Một,Hai,Ba,Bốn,B,x\nThiếu,Một,Hai,,Bốn,A,\nHỏi lại?,Một,Một,Ba,Bốn,A,\nHỏi nữa?,Một,Hai,Ba,Bốn,F,\n';
    const bad = await parseBankSheet(Buffer.from(csv), 'csv');
    expect(bad.questions).toHaveLength(1);
    expect(bad.errors.map((e) => [e.row, e.field, e.reason])).toEqual([
      [3, 'option_c', 'MISSING_VALUE'],
      [4, 'options', 'QUESTION_OPTION_REPEATED'],
      [5, 'answer', 'QUESTION_BAD_ANSWER'],
    ]);
  });
});
