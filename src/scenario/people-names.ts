import { pick } from '../lib/seeded-random.js';

/**
 * Invented people for the scenario: Kinh names (family, middle, given) and Ê Đê / M'nông names
 * (given name with Y for men and H' for women, then the clan). Combinations are random, so no
 * name stands for a real person.
 */
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Trương', 'Đinh', 'Lương', 'Mai'];
const MIDDLE_MALE = ['Văn', 'Hữu', 'Đức', 'Minh', 'Quốc', 'Thanh', 'Công', 'Xuân'];
const MIDDLE_FEMALE = ['Thị', 'Ngọc', 'Thu', 'Kim', 'Thanh', 'Mỹ', 'Hồng', 'Phương'];
const GIVEN_MALE = ['An', 'Bình', 'Cường', 'Dũng', 'Hải', 'Hùng', 'Khoa', 'Long', 'Nam', 'Phúc', 'Quang', 'Sơn', 'Tâm', 'Thắng', 'Toàn', 'Tuấn', 'Việt', 'Vinh'];
const GIVEN_FEMALE = ['Anh', 'Châu', 'Dung', 'Giang', 'Hà', 'Hạnh', 'Hoa', 'Hương', 'Lan', 'Linh', 'Mai', 'Nga', 'Nhung', 'Oanh', 'Thảo', 'Trang', 'Vy', 'Yến'];
const CLANS = ['Niê', 'Ksor', 'Êban', 'Mlô', 'Byă', 'Adrơng', 'Buôn Yă', 'Êya', 'Hwing', 'Knul', 'Kpă', 'Rcăm'];
const HIGHLAND_GIVEN = ['Sơn', 'Bla', 'Ngông', 'Kiên', 'Đam', 'Hen', 'Juen', 'Lim', 'Nga', 'Thoa', 'Mai', 'Drai', 'Tlang', 'Wơn'];
export const MINORITY_ETHNICITIES = ['Ê Đê', "M'nông", 'Gia Rai', 'Tày', 'Nùng', 'Thái', 'Mường', 'Dao'];

export type PersonSex = 'male' | 'female';

export function personName(random: () => number, sex: PersonSex, minority: boolean): string {
  if (minority && random() < 0.7) return `${sex === 'male' ? 'Y' : "H'"}${pick(random, HIGHLAND_GIVEN)} ${pick(random, CLANS)}`;
  const middle = pick(random, sex === 'male' ? MIDDLE_MALE : MIDDLE_FEMALE);
  return `${pick(random, FAMILY)} ${middle} ${pick(random, sex === 'male' ? GIVEN_MALE : GIVEN_FEMALE)}`;
}

/**
 * A 12-digit citizen identity number for the n-th person of the scenario: place-of-birth code,
 * century-and-sex digit, year of birth, then six digits. The place code and the six digits come
 * from n, so numbers never repeat; hashed at once by the people service, never stored.
 */
export function nationalIdNumber(n: number, sex: PersonSex, birthYear: number): string {
  const place = 1 + (Math.floor(n / 1_000_000) % 96);
  const centurySex = (birthYear >= 2000 ? 2 : 0) + (sex === 'female' ? 1 : 0);
  return `${String(place).padStart(3, '0')}${centurySex}${String(birthYear % 100).padStart(2, '0')}${String(n % 1_000_000).padStart(6, '0')}`;
}
