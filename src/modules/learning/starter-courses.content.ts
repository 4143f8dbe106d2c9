/**
 * The starter courses: one per basic skill, written for someone holding a smartphone for the
 * first time. Short sentences, one action a line, Vietnamese first with an English version.
 * Each question: the text, four options, the right one first (shuffled nowhere: the bank keeps
 * the order, and option ids are random).
 */
export interface StarterQuestion { vi: [string, string, string, string, string]; en: [string, string, string, string, string] }
export interface StarterLesson {
  minutes: number;
  vi: { title: string; body: string };
  en: { title: string; body: string };
  quiz: StarterQuestion[];
}
export interface StarterCourse {
  code: string;
  skill: string;
  vi: { title: string; summary: string };
  en: { title: string; summary: string };
  lessons: StarterLesson[];
}

export const STARTER_COURSES: StarterCourse[] = [
  {
    code: 'vneid-muc-2', skill: 'public_services',
    vi: { title: 'Tài khoản VNeID mức 2 và Cổng dịch vụ công', summary: 'Kích hoạt định danh điện tử mức 2, rồi nộp hồ sơ trực tuyến không cần đến trụ sở.' },
    en: { title: 'VNeID level 2 and the public service portal', summary: 'Activate your level-2 electronic identity, then file applications online without a trip to the office.' },
    lessons: [
      {
        minutes: 6,
        vi: { title: 'Kích hoạt VNeID mức 2', body: `Tài khoản **VNeID mức 2** là giấy tờ tùy thân trên điện thoại.

1. Mang căn cước đến công an xã để đăng ký (miễn phí).
2. Cài ứng dụng **VNeID** từ CH Play hoặc App Store.
3. Mở ứng dụng, chọn *Kích hoạt tài khoản*, nhập số định danh và số điện thoại.
4. Nhập mã OTP gửi về điện thoại, đặt mật khẩu 6 số.

> Không ai được hỏi mật khẩu hay mã OTP của bạn, kể cả người xưng là công an.` },
        en: { title: 'Activate VNeID level 2', body: `A **VNeID level 2** account is your identity card on your phone.

1. Bring your ID card to the commune police to register (free of charge).
2. Install the **VNeID** app from Google Play or the App Store.
3. Open it, choose *Activate account*, enter your ID number and phone number.
4. Enter the OTP code sent to your phone and set a 6-digit passcode.

> Nobody may ask for your passcode or OTP, not even someone claiming to be the police.` },
        quiz: [
          { vi: ['Đăng ký VNeID mức 2 ở đâu?', 'Công an xã, phường', 'Cửa hàng điện thoại', 'Bưu điện', 'Ngân hàng'], en: ['Where do you register for VNeID level 2?', 'The commune or ward police', 'A phone shop', 'The post office', 'A bank'] },
          { vi: ['Có nên đọc mã OTP cho người gọi điện xưng là công an?', 'Không, không bao giờ', 'Có, nếu họ nói gấp', 'Có, nếu họ biết tên mình', 'Chỉ đọc một nửa'], en: ['Should you read your OTP to a caller who says they are the police?', 'No, never', 'Yes, if they say it is urgent', 'Yes, if they know your name', 'Only half of it'] },
          { vi: ['Đăng ký VNeID mức 2 mất bao nhiêu tiền?', 'Miễn phí', '50.000 đồng', '100.000 đồng', '200.000 đồng'], en: ['How much does VNeID level 2 registration cost?', 'Nothing', '50,000 dong', '100,000 dong', '200,000 dong'] },
        ],
      },
      {
        minutes: 6,
        vi: { title: 'Nộp hồ sơ trên Cổng dịch vụ công', body: `Cổng Dịch vụ công quốc gia: **dichvucong.gov.vn**.

1. Chọn *Đăng nhập*, rồi *Tài khoản định danh điện tử* (VNeID).
2. Tìm thủ tục, ví dụ "đăng ký khai sinh".
3. Điền thông tin, chụp ảnh giấy tờ và nộp.
4. Theo dõi hồ sơ trong mục *Quản lý hồ sơ*; kết quả có thể gửi về tận nhà.

Chỉ dùng trang có đuôi **.gov.vn**.` },
        en: { title: 'File an application on the public service portal', body: `The National Public Service Portal: **dichvucong.gov.vn**.

1. Choose *Sign in*, then *Electronic identity account* (VNeID).
2. Find the procedure, for example "birth registration".
3. Fill in the form, photograph your papers and submit.
4. Follow the application under *My applications*; the result can be delivered home.

Only use sites ending in **.gov.vn**.` },
        quiz: [
          { vi: ['Địa chỉ Cổng Dịch vụ công quốc gia là gì?', 'dichvucong.gov.vn', 'dichvucong.com', 'dichvu-cong.vn.net', 'congdichvu.info'], en: ['What is the address of the National Public Service Portal?', 'dichvucong.gov.vn', 'dichvucong.com', 'dichvu-cong.vn.net', 'congdichvu.info'] },
          { vi: ['Đăng nhập Cổng dịch vụ công bằng gì?', 'Tài khoản VNeID', 'Tài khoản Facebook', 'Số thẻ ngân hàng', 'Không cần đăng nhập'], en: ['How do you sign in to the portal?', 'With your VNeID account', 'With Facebook', 'With a bank card number', 'No sign-in needed'] },
          { vi: ['Xem hồ sơ đã nộp ở đâu?', 'Mục Quản lý hồ sơ', 'Gọi cho người lạ', 'Hộp thư rác', 'Không xem được'], en: ['Where do you follow an application?', 'Under My applications', 'By calling a stranger', 'In the spam folder', 'You cannot'] },
        ],
      },
    ],
  },
  {
    code: 'mua-sam-truc-tuyen', skill: 'online_shopping',
    vi: { title: 'Mua sắm trực tuyến an toàn', summary: 'Chọn người bán uy tín, đặt hàng và nhận hàng không bị lừa.' },
    en: { title: 'Shopping online safely', summary: 'Choose a trustworthy seller, order and receive goods without being cheated.' },
    lessons: [
      {
        minutes: 5,
        vi: { title: 'Chọn người bán uy tín', body: `Trước khi mua, hãy xem:

- **Đánh giá** của người mua trước (nhiều sao, có ảnh thật).
- Cửa hàng có **nhãn chính hãng** hoặc đã bán lâu.
- Giá **rẻ bất thường** là dấu hiệu đáng ngờ.

Chỉ nói chuyện và trả tiền trong ứng dụng mua sắm, không chuyển sang Zalo hay Facebook riêng.` },
        en: { title: 'Choose a trustworthy seller', body: `Before buying, look at:

- **Reviews** from earlier buyers (many stars, real photos).
- Whether the shop is an **official store** or has sold for a long time.
- A price that is **unusually cheap** is a warning sign.

Talk and pay only inside the shopping app, never move to a private chat.` },
        quiz: [
          { vi: ['Giá rẻ bất thường là dấu hiệu gì?', 'Đáng ngờ, cần cẩn thận', 'Chắc chắn hàng tốt', 'Người bán tốt bụng', 'Nên mua ngay'], en: ['What does an unusually cheap price mean?', 'A warning sign: be careful', 'Surely good goods', 'A kind seller', 'Buy at once'] },
          { vi: ['Nên trả tiền ở đâu?', 'Trong ứng dụng mua sắm', 'Chuyển khoản cho người lạ qua Zalo', 'Gửi thẻ cào điện thoại', 'Đưa mật khẩu cho người bán'], en: ['Where should you pay?', 'Inside the shopping app', 'By transfer to a stranger on a chat app', 'With phone top-up cards', 'By giving the seller your password'] },
          { vi: ['Điều gì giúp biết người bán uy tín?', 'Đánh giá thật của người mua trước', 'Ảnh đại diện đẹp', 'Người bán nói mình uy tín', 'Tin nhắn viết hoa'], en: ['What helps tell a trustworthy seller?', 'Real reviews from earlier buyers', 'A nice profile picture', 'The seller saying so', 'Messages in capital letters'] },
        ],
      },
      {
        minutes: 5,
        vi: { title: 'Đặt hàng và nhận hàng', body: `1. Bỏ hàng vào giỏ, kiểm tra địa chỉ và số điện thoại.
2. Chọn **thanh toán khi nhận hàng** nếu chưa quen.
3. Khi nhận, **quay video lúc mở hộp**; hàng sai thì bấm *Trả hàng* trong ứng dụng.

Người giao hàng không bao giờ cần mã OTP của bạn.` },
        en: { title: 'Order and receive goods', body: `1. Put the item in the cart, check the address and phone number.
2. Choose **cash on delivery** while you are new to it.
3. On delivery, **film yourself opening the box**; if it is wrong, press *Return* in the app.

A delivery person never needs your OTP code.` },
        quiz: [
          { vi: ['Người mới nên chọn cách trả tiền nào?', 'Thanh toán khi nhận hàng', 'Chuyển khoản trước cho người lạ', 'Gửi mã OTP', 'Trả bằng thẻ cào'], en: ['Which payment suits a beginner?', 'Cash on delivery', 'Paying a stranger in advance', 'Sending an OTP', 'Top-up cards'] },
          { vi: ['Vì sao quay video khi mở hộp?', 'Làm bằng chứng nếu hàng sai', 'Để đăng mạng cho vui', 'Bắt buộc theo luật', 'Để người giao hàng xem'], en: ['Why film yourself opening the box?', 'As proof if the goods are wrong', 'For fun on social media', 'The law says so', 'For the delivery person'] },
          { vi: ['Người giao hàng hỏi mã OTP, bạn làm gì?', 'Từ chối, không đưa', 'Đọc cho nhanh', 'Đưa nửa mã', 'Gửi qua tin nhắn'], en: ['The delivery person asks for an OTP: what do you do?', 'Refuse', 'Read it out quickly', 'Give half of it', 'Text it'] },
        ],
      },
    ],
  },
  {
    code: 'thanh-toan-an-toan', skill: 'online_payment',
    vi: { title: 'Thanh toán trực tuyến an toàn', summary: 'Trả tiền bằng mã QR và giữ an toàn tài khoản ngân hàng.' },
    en: { title: 'Paying online safely', summary: 'Pay with a QR code and keep your bank account safe.' },
    lessons: [
      {
        minutes: 5,
        vi: { title: 'Trả tiền bằng mã QR', body: `1. Mở ứng dụng ngân hàng, chọn **Quét QR**.
2. Đưa camera vào mã QR của cửa hàng.
3. **Kiểm tra tên người nhận** trước khi bấm chuyển.
4. Nhập số tiền, xác nhận bằng mã PIN hoặc vân tay.

Giữ lại màn hình *Giao dịch thành công* cho đến khi người bán xác nhận.` },
        en: { title: 'Pay with a QR code', body: `1. Open your banking app and choose **Scan QR**.
2. Point the camera at the shop's QR code.
3. **Check the receiver's name** before you press transfer.
4. Enter the amount and confirm with your PIN or fingerprint.

Keep the *Transfer successful* screen until the seller confirms.` },
        quiz: [
          { vi: ['Trước khi bấm chuyển tiền cần kiểm tra gì?', 'Tên người nhận', 'Màu của mã QR', 'Giờ trên điện thoại', 'Pin điện thoại'], en: ['What do you check before pressing transfer?', 'The receiver\'s name', 'The QR code\'s colour', 'The time on your phone', 'The battery'] },
          { vi: ['Quét mã QR bằng ứng dụng nào?', 'Ứng dụng ngân hàng của mình', 'Ứng dụng lạ do người khác gửi', 'Trình duyệt bất kỳ', 'Máy ảnh của người bán'], en: ['Which app scans the QR code?', 'Your own banking app', 'An app a stranger sent you', 'Any browser', 'The seller\'s camera'] },
          { vi: ['Sau khi chuyển, nên làm gì?', 'Giữ màn hình giao dịch thành công đến khi người bán xác nhận', 'Xóa ngay ứng dụng', 'Chuyển thêm lần nữa', 'Tắt điện thoại'], en: ['After paying, what should you do?', 'Keep the success screen until the seller confirms', 'Delete the app', 'Pay again', 'Turn the phone off'] },
        ],
      },
      {
        minutes: 5,
        vi: { title: 'Giữ bí mật mật khẩu và mã OTP', body: `- **Mã OTP** là chìa khóa của tài khoản: không đọc cho ai.
- Ngân hàng **không bao giờ** gọi điện xin mật khẩu hay OTP.
- Không bấm vào đường link lạ gửi qua tin nhắn.
- Mất điện thoại: gọi ngay **tổng đài ngân hàng** để khóa tài khoản.` },
        en: { title: 'Keep passwords and OTP codes secret', body: `- An **OTP code** is the key to your account: never read it to anyone.
- A bank **never** calls to ask for your password or OTP.
- Do not tap strange links sent by text message.
- Lost phone: call your **bank's hotline** at once to lock the account.` },
        quiz: [
          { vi: ['Ngân hàng có gọi điện xin mã OTP không?', 'Không bao giờ', 'Có, hằng tháng', 'Có, khi khuyến mãi', 'Có, vào ngày lễ'], en: ['Does a bank call to ask for your OTP?', 'Never', 'Yes, monthly', 'Yes, during promotions', 'Yes, on holidays'] },
          { vi: ['Mất điện thoại, việc đầu tiên là gì?', 'Gọi tổng đài ngân hàng khóa tài khoản', 'Đợi vài ngày', 'Đăng lên mạng', 'Mua điện thoại mới'], en: ['You lost your phone: what first?', 'Call the bank\'s hotline to lock the account', 'Wait a few days', 'Post about it online', 'Buy a new phone'] },
          { vi: ['Nhận tin nhắn có đường link lạ, bạn làm gì?', 'Không bấm vào', 'Bấm xem thử', 'Gửi cho bạn bè', 'Nhập mật khẩu vào'], en: ['A text brings a strange link: what do you do?', 'Do not tap it', 'Tap to see', 'Forward it to friends', 'Enter your password there'] },
        ],
      },
    ],
  },
  {
    code: 'nhan-biet-lua-dao', skill: 'online_safety',
    vi: { title: 'Nhận biết cuộc gọi lừa đảo', summary: 'Những dấu hiệu của cuộc gọi lừa đảo và cách xử lý.' },
    en: { title: 'Spot a scam call', summary: 'The signs of a scam call and what to do about it.' },
    lessons: [
      {
        minutes: 5,
        vi: { title: 'Dấu hiệu của cuộc gọi lừa đảo', body: `Kẻ gian thường:

- Xưng là **công an, tòa án, ngân hàng** hoặc người thân gặp nạn.
- **Dọa nạt, hối thúc**: "phải làm ngay kẻo bị bắt".
- Đòi **chuyển tiền**, đọc **mã OTP** hoặc cài ứng dụng lạ.

Cơ quan nhà nước không làm việc qua điện thoại để đòi tiền.` },
        en: { title: 'Signs of a scam call', body: `Scammers usually:

- Claim to be **police, a court, a bank** or a relative in trouble.
- **Threaten and rush** you: "do it now or you will be arrested".
- Ask you to **transfer money**, read an **OTP** or install a strange app.

State agencies never ask for money over the phone.` },
        quiz: [
          { vi: ['Người gọi xưng công an đòi chuyển tiền gấp, đó là?', 'Dấu hiệu lừa đảo', 'Việc bình thường', 'Thủ tục bắt buộc', 'Tin tốt'], en: ['A caller claiming to be police demands money now: that is?', 'A sign of a scam', 'Normal', 'A required procedure', 'Good news'] },
          { vi: ['Kẻ lừa đảo thường làm gì?', 'Hối thúc, dọa nạt', 'Cho bạn thời gian suy nghĩ', 'Khuyên bạn hỏi người thân', 'Hẹn gặp tại trụ sở'], en: ['What do scammers usually do?', 'Rush and threaten you', 'Give you time to think', 'Tell you to ask your family', 'Invite you to their office'] },
          { vi: ['Cơ quan nhà nước có gọi điện đòi tiền không?', 'Không', 'Có', 'Có, vào cuối tuần', 'Có, nếu số lạ'], en: ['Do state agencies call to ask for money?', 'No', 'Yes', 'Yes, at weekends', 'Yes, from unknown numbers'] },
        ],
      },
      {
        minutes: 5,
        vi: { title: 'Khi nghi ngờ bị lừa', body: `1. **Cúp máy.** Không tranh cãi.
2. Gọi lại cho người thân hoặc cơ quan bằng **số bạn đã biết**.
3. Lỡ chuyển tiền: gọi ngay **ngân hàng** và **công an xã**.
4. Báo số lừa đảo qua ứng dụng **VNeID** (mục Tố giác) hoặc tổng đài **156**.` },
        en: { title: 'When you suspect a scam', body: `1. **Hang up.** Do not argue.
2. Call your relative or the agency back on **a number you already know**.
3. Already paid: call your **bank** and the **commune police** at once.
4. Report the number through the **VNeID** app (Report section) or the **156** hotline.` },
        quiz: [
          { vi: ['Nghi ngờ cuộc gọi lừa đảo, việc đầu tiên?', 'Cúp máy', 'Làm theo hướng dẫn', 'Đọc mã OTP', 'Cho số tài khoản'], en: ['You suspect a scam call: first step?', 'Hang up', 'Follow their instructions', 'Read the OTP', 'Give your account number'] },
          { vi: ['Gọi lại để kiểm tra bằng số nào?', 'Số bạn đã biết từ trước', 'Số người lạ vừa đọc', 'Số trong tin nhắn lạ', 'Bất kỳ số nào'], en: ['Which number do you call back to check?', 'One you already knew', 'The one the stranger read out', 'One from a strange text', 'Any number'] },
          { vi: ['Lỡ chuyển tiền cho kẻ gian, báo cho ai?', 'Ngân hàng và công an xã', 'Không ai cả', 'Kẻ gian', 'Hàng xóm'], en: ['You paid a scammer: whom do you tell?', 'Your bank and the commune police', 'Nobody', 'The scammer', 'A neighbour'] },
        ],
      },
    ],
  },
  {
    code: 'ung-dung-cua-tinh', skill: 'local_platforms',
    vi: { title: 'Cài và dùng ứng dụng số của tỉnh', summary: 'Cài ứng dụng Đắk Lắk số, đăng nhập bằng VNeID và gửi phản ánh.' },
    en: { title: 'Install and use the provincial app', summary: 'Install the Đắk Lắk số app, sign in with VNeID and send feedback.' },
    lessons: [
      {
        minutes: 5,
        vi: { title: 'Cài ứng dụng Đắk Lắk số', body: `1. Mở **CH Play** (Android) hoặc **App Store** (iPhone).
2. Gõ tìm "**Đắk Lắk số**". Chọn ứng dụng của **UBND tỉnh Đắk Lắk**.
3. Bấm **Cài đặt**, chờ tải xong rồi bấm **Mở**.
4. Chọn **Đăng nhập bằng VNeID**.

Chỉ cài ứng dụng từ kho chính thức, không cài từ đường link người lạ gửi.` },
        en: { title: 'Install the Đắk Lắk số app', body: `1. Open **Google Play** (Android) or the **App Store** (iPhone).
2. Search for "**Đắk Lắk số**". Choose the one published by the **Dak Lak People's Committee**.
3. Press **Install**, wait, then press **Open**.
4. Choose **Sign in with VNeID**.

Only install apps from the official store, never from a link a stranger sent.` },
        quiz: [
          { vi: ['Cài ứng dụng của tỉnh từ đâu?', 'CH Play hoặc App Store', 'Đường link người lạ gửi', 'Tệp gửi qua Zalo', 'Trang web quảng cáo'], en: ['Where do you install the provincial app from?', 'Google Play or the App Store', 'A link from a stranger', 'A file sent on a chat app', 'An advert website'] },
          { vi: ['Đăng nhập ứng dụng của tỉnh bằng gì?', 'VNeID', 'Mật khẩu ngân hàng', 'Số thẻ tín dụng', 'Không cần gì'], en: ['How do you sign in to the provincial app?', 'With VNeID', 'With your bank password', 'With a credit card number', 'Nothing needed'] },
          { vi: ['Ai phát hành ứng dụng Đắk Lắk số chính thức?', 'UBND tỉnh Đắk Lắk', 'Một người bán hàng', 'Một công ty lạ', 'Không rõ'], en: ['Who publishes the official Đắk Lắk số app?', 'The Dak Lak People\'s Committee', 'A seller', 'An unknown company', 'Nobody knows'] },
        ],
      },
      {
        minutes: 5,
        vi: { title: 'Gửi phản ánh qua ứng dụng', body: `Thấy đường hỏng, rác thải, mất điện? Gửi phản ánh:

1. Mở **Đắk Lắk số**, chọn **Phản ánh hiện trường**.
2. Chụp ảnh, ghi ngắn gọn sự việc và vị trí.
3. Bấm **Gửi**. Theo dõi kết quả xử lý ngay trong ứng dụng.` },
        en: { title: 'Send feedback through the app', body: `A broken road, rubbish, a power cut? Send feedback:

1. Open **Đắk Lắk số** and choose **On-site feedback**.
2. Take a photo, describe what happened and where, briefly.
3. Press **Send**. Follow how it is handled inside the app.` },
        quiz: [
          { vi: ['Muốn báo đường hỏng, chọn mục nào?', 'Phản ánh hiện trường', 'Cài đặt', 'Đăng xuất', 'Thanh toán'], en: ['To report a broken road, which section?', 'On-site feedback', 'Settings', 'Sign out', 'Payments'] },
          { vi: ['Phản ánh nên kèm gì?', 'Ảnh và vị trí', 'Mật khẩu', 'Số thẻ ngân hàng', 'Mã OTP'], en: ['What should feedback include?', 'A photo and the place', 'Your password', 'A bank card number', 'An OTP'] },
          { vi: ['Xem kết quả xử lý phản ánh ở đâu?', 'Ngay trong ứng dụng', 'Không xem được', 'Hỏi người lạ', 'Trên tờ rơi'], en: ['Where do you follow the handling?', 'In the app itself', 'You cannot', 'Ask a stranger', 'On a leaflet'] },
        ],
      },
    ],
  },
];
