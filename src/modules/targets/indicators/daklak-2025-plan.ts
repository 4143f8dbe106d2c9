import type { Indicator } from './indicators.service.js';

/**
 * The indicators of Dak Lak's 2025 plan for the "Digital Education for All" movement, shipped as
 * the default template: the figures its report measures, with the province's targets. Officers
 * edit the targets and add indicators; the indicators counted from figures units report (cadres
 * trained, Week participants, pupils) move to records once events and learning land.
 */
export interface PlanIndicator extends Omit<Indicator, 'name' | 'explanation' | 'sort' | 'active'> {
  target: number | null;
  deadline: string;
}

const END_OF_YEAR = '2025-12-31';
/** The end of the "100 peak days" campaign. */
const PEAK_DAYS_END = '2025-10-25';

export const DAKLAK_2025_PLAN: readonly PlanIndicator[] = [
  {
    code: 'steering_committees', nameVi: 'Xã, phường thành lập Ban Chỉ đạo', nameEn: 'Communes and wards with a steering committee',
    explanationVi: 'Số xã, phường có Ban Chỉ đạo ÷ tổng số xã, phường', explanationEn: 'Communes with a steering committee ÷ all communes',
    unitLabel: '%', percent: true, numerator: { source: 'committees' }, denominator: { source: 'units', tier: 'commune' }, target: 100, deadline: '2025-08-15',
  },
  {
    code: 'village_teams', nameVi: 'Thôn, buôn, tổ dân phố có Tổ công nghệ số cộng đồng', nameEn: 'Villages with a community digital technology team',
    explanationVi: 'Số thôn, buôn, tổ dân phố có Tổ ÷ tổng số thôn, buôn, tổ dân phố', explanationEn: 'Villages with a team ÷ all villages',
    unitLabel: '%', percent: true, numerator: { source: 'teams' }, denominator: { source: 'units', tier: 'village' }, target: 100, deadline: '2025-08-15',
  },
  {
    code: 'team_members', nameVi: 'Thành viên Tổ công nghệ số cộng đồng', nameEn: 'Members of community digital technology teams',
    explanationVi: 'Số thành viên đang hoạt động', explanationEn: 'Active members', unitLabel: 'người', percent: false,
    numerator: { source: 'team_members' }, denominator: null, target: null, deadline: END_OF_YEAR,
  },
  {
    code: 'cadres_trained', nameVi: 'Cán bộ, công chức, viên chức được tập huấn kỹ năng số', nameEn: 'Cadres, civil servants and public employees trained in digital skills',
    explanationVi: 'Số người đã hoàn thành khóa bồi dưỡng cán bộ (nơi chưa có hồ sơ: theo báo cáo) ÷ tổng số cán bộ, công chức, viên chức',
    explanationEn: 'People who completed a cadre course (reported where no records yet) ÷ all cadres, civil servants and public employees',
    unitLabel: '%', percent: true, numerator: { source: 'reported', over: 'latest', factsFirst: 'learning:cadres_trained' }, denominator: { source: 'statistic', kind: 'cadres' }, target: 100, deadline: END_OF_YEAR,
  },
  {
    code: 'learning_platform_registrations', nameVi: 'Người đăng ký học trên nền tảng học trực tuyến mở đại trà', nameEn: 'Registrations on the national learning platform',
    explanationVi: 'Số người đã đăng ký học (MOOCs)', explanationEn: 'People registered on the MOOC platform', unitLabel: 'người', percent: false,
    numerator: { source: 'milestone', kind: 'learning_platform' }, denominator: null, target: 20_645, deadline: END_OF_YEAR,
  },
  {
    code: 'adults_skills_confirmed', nameVi: 'Người trưởng thành được xác nhận phổ cập kỹ năng số qua VNeID', nameEn: 'Adults with basic digital skills confirmed via VNeID',
    explanationVi: 'Số người đã xác nhận ÷ số người trưởng thành', explanationEn: 'People confirmed ÷ adults', unitLabel: '%', percent: true,
    numerator: { source: 'milestone', kind: 'skills_confirmed' }, denominator: { source: 'statistic', kind: 'adults' }, target: 80, deadline: END_OF_YEAR,
  },
  {
    code: 'civil_servants_digital', nameVi: 'Công chức giải quyết thủ tục hành chính trên nền tảng số', nameEn: 'Civil servants handling procedures on digital platforms',
    explanationVi: 'Số công chức sử dụng nền tảng số (báo cáo) ÷ tổng số công chức giải quyết TTHC', explanationEn: 'Civil servants on digital platforms (reported) ÷ all handling procedures',
    unitLabel: '%', percent: true, numerator: { source: 'reported', over: 'latest' }, denominator: { source: 'statistic', kind: 'civil_servants' }, target: 100, deadline: END_OF_YEAR,
  },
  {
    code: 'provincial_app_installed', nameVi: 'Tỷ lệ cài đặt ứng dụng Đắk Lắk số', nameEn: 'Installation rate of the provincial app',
    explanationVi: 'Số người đã cài đặt ÷ số người trưởng thành', explanationEn: 'People who installed it ÷ adults', unitLabel: '%', percent: true,
    numerator: { source: 'milestone', kind: 'provincial_app' }, denominator: { source: 'statistic', kind: 'adults' }, target: 50, deadline: END_OF_YEAR,
  },
  {
    code: 'digital_signatures', nameVi: 'Người đăng ký chữ ký số qua VNeID', nameEn: 'Digital signatures registered via VNeID',
    explanationVi: 'Số người đã đăng ký chữ ký số', explanationEn: 'People who registered a digital signature', unitLabel: 'người', percent: false,
    numerator: { source: 'milestone', kind: 'digital_signature' }, denominator: null, target: 200_000, deadline: END_OF_YEAR,
  },
  {
    code: 'week_participants', nameVi: 'Lượt người tham gia Tuần lễ "Bình dân học vụ số"', nameEn: 'Participants in the Digital Education for All Week',
    explanationVi: 'Tổng lượt người được hướng dẫn 5 kỹ năng số cơ bản trong Tuần lễ (điểm danh tại sự kiện nơi có, còn lại theo báo cáo)', explanationEn: 'People guided in the five basic skills during the Week (event check-ins where held, else reported)',
    unitLabel: 'lượt', percent: false, numerator: { source: 'reported', over: 'sum', eventsFirst: 'week_participants' }, denominator: null, target: 600_000, deadline: PEAK_DAYS_END,
  },
  {
    // Counted from the contest itself (a person's first scored attempt, on its day, in their unit), never reported.
    code: 'contest_participants', nameVi: 'Người tham gia cuộc thi trực tuyến về chuyển đổi số', nameEn: 'Participants in the online digital transformation quiz contest',
    explanationVi: 'Số người đã nộp ít nhất một bài thi (mỗi người tính một lần mỗi cuộc thi)', explanationEn: 'People who submitted at least one attempt (each counted once per contest)',
    unitLabel: 'người', percent: false, numerator: { source: 'contest_participants' }, denominator: null, target: null, deadline: END_OF_YEAR,
  },
  {
    code: 'pupils_digital_skills', nameVi: 'Học sinh, sinh viên được trang bị kỹ năng số', nameEn: 'Pupils and students with digital skills',
    explanationVi: 'Số học sinh, sinh viên đã được trang bị (báo cáo) ÷ tổng số học sinh, sinh viên', explanationEn: 'Pupils and students equipped (reported) ÷ all pupils and students',
    unitLabel: '%', percent: true, numerator: { source: 'reported', over: 'latest' }, denominator: { source: 'statistic', kind: 'pupils' }, target: 100, deadline: END_OF_YEAR,
  },
];
