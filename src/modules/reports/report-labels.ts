import type { Language } from '../../i18n/index.js';
import type { ProgressStatus } from '../targets/targets.public.js';

/**
 * The words printed in exported files (headers, titles, statuses). They live with the module
 * rather than in the API's message catalogue, which holds what every module shares: errors.
 */
const vi = {
  movement: 'Phong trào "Bình dân học vụ số"',
  reportTitle: 'BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU',
  summaryTitle: 'TÓM TẮT KẾT QUẢ PHONG TRÀO "BÌNH DÂN HỌC VỤ SỐ"',
  phaseTitle: 'ĐÁNH GIÁ ĐỢT CAO ĐIỂM',
  unit: 'Đơn vị',
  asOf: 'Tính đến ngày',
  summarySheet: 'Tổng hợp',
  no: 'STT',
  indicator: 'Chỉ tiêu',
  indicatorCode: 'Mã chỉ tiêu',
  explanation: 'Cách tính (tử số / mẫu số)',
  unitLabel: 'Đơn vị tính',
  target: 'Chỉ tiêu giao',
  result: 'Kết quả thực hiện',
  achieved: 'Tỷ lệ đạt (%)',
  status: 'Đánh giá',
  childUnit: 'Đơn vị trực thuộc',
  unitCode: 'Mã đơn vị',
  numerator: 'Tử số',
  denominator: 'Mẫu số',
  deadline: 'Thời hạn',
  chartsTitle: 'Biểu đồ kết quả theo đơn vị trực thuộc',
  achievedChart: 'Tỷ lệ đạt chỉ tiêu của từng chỉ tiêu (%)',
  targetLine: 'Vạch: chỉ tiêu giao',
  rankedNote: 'Xếp từ cao xuống thấp',
  partOf: '({from}–{to}/{count})',
  noChildren: 'Không có đơn vị trực thuộc.',
  page: 'Trang',
  phase: 'Đợt',
  from: 'Từ ngày',
  to: 'Đến ngày',
  atStart: 'Đầu đợt',
  atEnd: 'Cuối đợt',
  gain: 'Tăng thêm',
  rank: 'Xếp hạng',
  difficulties: 'Khó khăn, vướng mắc chưa giải quyết',
  category: 'Loại',
  description: 'Nội dung',
  reportedAt: 'Ngày báo cáo',
  generatedAt: 'Lập lúc',
} as const;

type Labels = Record<keyof typeof vi, string>;

const en: Labels = {
  movement: 'The "Digital Education for All" movement',
  reportTitle: 'REPORT ON THE TARGETS',
  summaryTitle: 'SUMMARY OF THE "DIGITAL EDUCATION FOR ALL" MOVEMENT',
  phaseTitle: 'CAMPAIGN PHASE EVALUATION',
  unit: 'Unit',
  asOf: 'As of',
  summarySheet: 'Summary',
  no: 'No.',
  indicator: 'Indicator',
  indicatorCode: 'Indicator code',
  explanation: 'How it is counted (numerator / denominator)',
  unitLabel: 'Unit',
  target: 'Target',
  result: 'Result',
  achieved: '% achieved',
  status: 'Status',
  childUnit: 'Unit below',
  unitCode: 'Unit code',
  numerator: 'Numerator',
  denominator: 'Denominator',
  deadline: 'Deadline',
  chartsTitle: 'Results by unit below',
  achievedChart: 'Share of each target achieved (%)',
  targetLine: 'Line: target',
  rankedNote: 'Highest first',
  partOf: '({from}–{to} of {count})',
  noChildren: 'No units below.',
  page: 'Page',
  phase: 'Phase',
  from: 'From',
  to: 'To',
  atStart: 'At the start',
  atEnd: 'At the end',
  gain: 'Gain',
  rank: 'Rank',
  difficulties: 'Open difficulties',
  category: 'Category',
  description: 'Description',
  reportedAt: 'Reported on',
  generatedAt: 'Generated at',
};

export function labels(lang: Language): Labels {
  return lang === 'en' ? en : vi;
}

const STATUS: Record<Language, Record<ProgressStatus, string>> = {
  vi: {
    achieved: 'Đã đạt', on_track: 'Đúng tiến độ', at_risk: 'Có nguy cơ chậm', behind: 'Chậm tiến độ',
    no_target: 'Chưa giao chỉ tiêu', no_data: 'Chưa có số liệu',
  },
  en: {
    achieved: 'Achieved', on_track: 'On track', at_risk: 'At risk', behind: 'Behind',
    no_target: 'No target', no_data: 'No data',
  },
};

export function statusLabel(lang: Language, status: ProgressStatus): string {
  return STATUS[lang][status];
}

const DIFFICULTY: Record<Language, Record<string, string>> = {
  vi: { weak_network: 'Hạ tầng mạng yếu', no_devices: 'Thiếu thiết bị', no_trainers: 'Thiếu người hướng dẫn', no_materials: 'Thiếu tài liệu', other: 'Khác' },
  en: { weak_network: 'Weak network', no_devices: 'No devices', no_trainers: 'No trainers', no_materials: 'No materials', other: 'Other' },
};

export function difficultyLabel(lang: Language, category: string): string {
  return DIFFICULTY[lang][category] ?? category;
}

const DIFFICULTY_STATUS: Record<Language, Record<string, string>> = {
  vi: { open: 'Mới báo cáo', assigned: 'Đã giao xử lý', answered: 'Đã trả lời', closed: 'Đã đóng' },
  en: { open: 'Open', assigned: 'Assigned', answered: 'Answered', closed: 'Closed' },
};

export function difficultyStatusLabel(lang: Language, status: string): string {
  return DIFFICULTY_STATUS[lang][status] ?? status;
}
