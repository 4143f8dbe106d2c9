import type { FrameworkDocument } from './framework.service.js';

/**
 * Frameworks an officer can load as a whole. `basic-five` is the default (the five basic digital
 * skills of letter 3240/BTTTT); `daklak-commune` is the five modules a Dak Lak commune taught
 * (identity and data safety, public services, digital payment, the Đắk Lắk số app, digital
 * skills for production and business). Codes the field app already records keep their meaning.
 */
const groups: FrameworkDocument['groups'] = [
  { code: 'pupil', nameVi: 'Học sinh, sinh viên', nameEn: 'Pupils and students', residentGroup: 'pupil', skills: [] },
  { code: 'citizen', nameVi: 'Người dân', nameEn: 'Citizens', residentGroup: 'adult', skills: [] },
  { code: 'cadre', nameVi: 'Cán bộ, công chức, viên chức', nameEn: 'Cadres, civil servants and public employees', residentGroup: 'cadre', skills: [] },
  { code: 'enterprise_worker', nameVi: 'Người lao động trong doanh nghiệp, hợp tác xã', nameEn: 'Enterprise and cooperative workers', residentGroup: 'enterprise_worker', skills: [] },
];

function withSkills(codes: string[]): FrameworkDocument['groups'] {
  return groups.map((g) => ({ ...g, skills: codes }));
}

const basicFive: FrameworkDocument = {
  skills: [
    { code: 'public_services', nameVi: 'Sử dụng dịch vụ công trực tuyến', nameEn: 'Using online public services', competences: [
      { code: 'vneid', nameVi: 'Kích hoạt và dùng tài khoản định danh điện tử VNeID', nameEn: 'Activate and use the VNeID electronic identity' },
      { code: 'portal', nameVi: 'Nộp hồ sơ trên Cổng dịch vụ công', nameEn: 'File an application on the public service portal' },
    ] },
    { code: 'online_shopping', nameVi: 'Mua sắm trực tuyến', nameEn: 'Online shopping', competences: [
      { code: 'choose_seller', nameVi: 'Chọn người bán và sàn thương mại uy tín', nameEn: 'Choose a trustworthy seller and marketplace' },
      { code: 'order_track', nameVi: 'Đặt hàng, theo dõi và trả hàng', nameEn: 'Order, track and return goods' },
    ] },
    { code: 'online_payment', nameVi: 'Thanh toán trực tuyến', nameEn: 'Online payment', competences: [
      { code: 'qr_pay', nameVi: 'Thanh toán bằng mã QR', nameEn: 'Pay with a QR code' },
      { code: 'protect_otp', nameVi: 'Giữ bí mật mật khẩu và mã OTP', nameEn: 'Keep passwords and OTP codes secret' },
    ] },
    { code: 'online_safety', nameVi: 'Bảo vệ bản thân trên môi trường mạng', nameEn: 'Protecting oneself online', competences: [
      { code: 'spot_scam', nameVi: 'Nhận biết cuộc gọi, tin nhắn lừa đảo', nameEn: 'Spot scam calls and messages' },
      { code: 'personal_data', nameVi: 'Bảo vệ dữ liệu cá nhân', nameEn: 'Protect personal data' },
    ] },
    { code: 'local_platforms', nameVi: 'Sử dụng các nền tảng số phù hợp với địa phương', nameEn: 'Using digital platforms suited to the locality', competences: [
      { code: 'provincial_app', nameVi: 'Cài đặt và dùng ứng dụng số của tỉnh', nameEn: 'Install and use the provincial app' },
      { code: 'feedback', nameVi: 'Gửi phản ánh, kiến nghị qua ứng dụng', nameEn: 'Send feedback through the app' },
    ] },
  ],
  groups: withSkills(['public_services', 'online_shopping', 'online_payment', 'online_safety', 'local_platforms']),
};

const daklakCommune: FrameworkDocument = {
  skills: [
    { code: 'online_safety', nameVi: 'Định danh và an toàn dữ liệu cá nhân', nameEn: 'Identity and personal-data safety', competences: [
      { code: 'vneid', nameVi: 'Kích hoạt VNeID mức 2', nameEn: 'Activate VNeID level 2' },
      { code: 'spot_scam', nameVi: 'Nhận biết lừa đảo', nameEn: 'Spot scams' },
    ] },
    { code: 'public_services', nameVi: 'Dịch vụ công trực tuyến', nameEn: 'Online public services', competences: [
      { code: 'portal', nameVi: 'Nộp hồ sơ trực tuyến', nameEn: 'File an application online' },
    ] },
    { code: 'online_payment', nameVi: 'Thanh toán số', nameEn: 'Digital payment', competences: [
      { code: 'qr_pay', nameVi: 'Thanh toán bằng mã QR', nameEn: 'Pay with a QR code' },
    ] },
    { code: 'local_platforms', nameVi: 'Sử dụng ứng dụng Đắk Lắk số', nameEn: 'Using the Đắk Lắk số app', competences: [
      { code: 'provincial_app', nameVi: 'Cài đặt và đăng nhập', nameEn: 'Install and sign in' },
    ] },
    { code: 'digital_business', nameVi: 'Kỹ năng số cho sản xuất, kinh doanh', nameEn: 'Digital skills for production and business', competences: [
      { code: 'sell_online', nameVi: 'Bán nông sản trên mạng', nameEn: 'Sell farm produce online' },
    ] },
  ],
  groups: withSkills(['online_safety', 'public_services', 'online_payment', 'local_platforms', 'digital_business']),
};

export const FRAMEWORK_VARIANTS: Record<string, FrameworkDocument> = { 'basic-five': basicFive, 'daklak-commune': daklakCommune };
