/**
 * The demo contest's question bank, in GIFT as an officer would upload it: digital skills for
 * everyone, in Vietnamese, the right answer first (the contest shuffles options for each attempt).
 */
export const DEMO_CONTEST_BANK = `
$CATEGORY: Định danh và dịch vụ công

Ứng dụng định danh điện tử quốc gia do Bộ Công an phát triển có tên là gì? {=VNeID ~Zalo ~Đắk Lắk số ~Facebook}

Tài khoản định danh điện tử mức 2 được đăng ký như thế nào? {=Trực tiếp tại cơ quan Công an, có thu nhận ảnh chân dung và vân tay ~Tự đăng ký trên mạng xã hội ~Mua tại cửa hàng điện thoại ~Gửi tin nhắn cho tổng đài bất kỳ}

Địa chỉ của Cổng Dịch vụ công quốc gia là gì? {=dichvucong.gov.vn ~dichvucong.com ~dichvucong.net ~congdichvu.vn.com}

Theo Luật Căn cước có hiệu lực từ ngày 1/7/2024, thẻ cấp mới cho công dân được gọi là gì? {=Thẻ căn cước ~Chứng minh nhân dân ~Sổ hộ khẩu ~Thẻ công dân số}

Có thể tích hợp những giấy tờ nào vào ứng dụng VNeID? {=Giấy phép lái xe và thẻ bảo hiểm y tế ~Vé xem phim ~Thẻ thành viên siêu thị ~Hóa đơn tiền điện}

Dịch vụ công trực tuyến toàn trình nghĩa là gì? {=Toàn bộ việc nộp hồ sơ, xử lý và trả kết quả đều thực hiện trên môi trường mạng ~Chỉ xem thông tin thủ tục trên mạng ~Phải nộp hồ sơ giấy rồi tra cứu trên mạng ~Chỉ dành cho doanh nghiệp}

Trên Cổng Dịch vụ công quốc gia, người dân có thể làm gì? {=Nộp hồ sơ, thanh toán phí và tra cứu kết quả giải quyết thủ tục ~Mua bán hàng hóa ~Xem phim trực tuyến ~Đặt vé máy bay giá rẻ}

Khi quên mật khẩu tài khoản VNeID, người dùng nên làm gì? {=Dùng chức năng Quên mật khẩu trên ứng dụng VNeID ~Nhờ người lạ trên mạng lấy lại giúp ~Tạo một tài khoản định danh khác ~Bỏ không dùng nữa}

Tên miền chính thức của các cơ quan nhà nước Việt Nam thường kết thúc bằng gì? {=.gov.vn ~.com ~.net ~.info}

Ngày Chuyển đổi số quốc gia là ngày nào hằng năm? {=Ngày 10 tháng 10 ~Ngày 1 tháng 1 ~Ngày 2 tháng 9 ~Ngày 30 tháng 4}

Phong trào Bình dân học vụ số được phát động trên cả nước vào năm nào? {=2025 ~2015 ~2010 ~2000}

Tổ công nghệ số cộng đồng được thành lập ở cấp nào? {=Thôn, buôn, tổ dân phố ~Chỉ ở cấp tỉnh ~Chỉ ở trường đại học ~Chỉ ở doanh nghiệp viễn thông}

Nghị định nào của Chính phủ quy định về bảo vệ dữ liệu cá nhân? {=Nghị định 13/2023/NĐ-CP ~Nghị định 01/2000/NĐ-CP ~Nghị định 99/2099/NĐ-CP ~Không có văn bản nào}

$CATEGORY: An toàn trên mạng

Khi có người yêu cầu cung cấp mã OTP nhận qua tin nhắn, bạn nên làm gì? {=Không cung cấp mã OTP cho bất kỳ ai ~Cung cấp nếu họ xưng là nhân viên ngân hàng ~Cung cấp nếu họ hứa tặng quà ~Cung cấp nếu họ gọi nhiều lần}

Nhận tin nhắn báo trúng thưởng kèm một đường link lạ, bạn nên làm gì? {=Không bấm vào link và xóa tin nhắn ~Bấm vào link để nhận thưởng ngay ~Gửi thông tin cá nhân để nhận quà ~Chuyển phí nhận thưởng}

Mật khẩu nào sau đây an toàn nhất? {=Có ít nhất 8 ký tự, gồm chữ hoa, chữ thường, số và ký tự đặc biệt ~Ngày sinh của mình ~Dãy 123456 ~Số điện thoại của mình}

Xác thực hai yếu tố khi đăng nhập là gì? {=Thêm một bước xác minh ngoài mật khẩu, như mã gửi về điện thoại ~Nhập mật khẩu hai lần ~Dùng hai tài khoản cùng lúc ~Đăng nhập trên hai máy tính}

Có người gọi điện tự xưng là công an, yêu cầu chuyển tiền vào tài khoản để xác minh. Bạn nên làm gì? {=Không chuyển tiền, báo cho cơ quan Công an nơi gần nhất ~Chuyển tiền ngay để tránh rắc rối ~Cung cấp số tài khoản và mật khẩu ngân hàng ~Làm theo mọi hướng dẫn qua điện thoại}

Khi dùng Wi-Fi công cộng ở quán cà phê, bạn nên tránh việc gì? {=Đăng nhập tài khoản ngân hàng và thực hiện giao dịch tài chính ~Đọc báo điện tử ~Xem dự báo thời tiết ~Tra cứu bản đồ}

Dấu hiệu nào cho thấy kết nối tới trang web được mã hóa? {=Địa chỉ bắt đầu bằng https và có biểu tượng ổ khóa ~Trang web có nhiều quảng cáo ~Trang web có màu sắc đẹp ~Trang web có nhiều lượt thích}

Cập nhật phần mềm và hệ điều hành thường xuyên giúp ích gì? {=Vá các lỗ hổng bảo mật ~Làm máy chạy hết pin nhanh hơn ~Xóa hết dữ liệu cá nhân ~Không có tác dụng gì}

Khi nhận được email lạ có tệp đính kèm, bạn nên làm gì? {=Không mở tệp và xóa email ~Mở tệp ngay để xem nội dung ~Chuyển tiếp cho mọi người ~Trả lời email để hỏi người gửi là ai}

Đầu số nào tiếp nhận phản ánh tin nhắn rác, tin nhắn lừa đảo? {=5656 ~1900 ~113 ~1080}

Thông tin nào không nên đăng công khai lên mạng xã hội? {=Ảnh thẻ căn cước và số định danh cá nhân ~Ảnh phong cảnh quê hương ~Lời chúc mừng năm mới ~Bài hát yêu thích}

Deepfake là gì? {=Hình ảnh, video hoặc giọng nói giả được tạo bằng trí tuệ nhân tạo ~Một loại virus máy tính cũ ~Một ứng dụng ngân hàng ~Một mạng xã hội mới}

Người thân gọi video nhờ chuyển tiền gấp, hình ảnh mờ và cuộc gọi ngắn. Bạn nên làm gì? {=Gọi lại vào số điện thoại quen thuộc của người thân để xác minh ~Chuyển tiền ngay ~Gửi mã OTP cho người gọi ~Cho người gọi mượn tài khoản ngân hàng}

Phần mềm độc hại có thể gây ra điều gì? {=Đánh cắp dữ liệu và chiếm quyền điều khiển thiết bị ~Làm điện thoại sạc pin nhanh hơn ~Tăng tốc độ Internet ~Tự động diệt virus}

Trước khi chia sẻ một tin tức gây sốc trên mạng, bạn nên làm gì? {=Kiểm tra tin trên các nguồn chính thống ~Chia sẻ ngay cho nhiều người ~Thêm bình luận để tin lan nhanh hơn ~Tin ngay vì có nhiều người chia sẻ}

Để bảo vệ thông tin cá nhân trên mạng xã hội, bạn nên làm gì? {=Đặt chế độ riêng tư cho thông tin và bài đăng ~Kết bạn với mọi người lạ ~Công khai số điện thoại và địa chỉ ~Dùng chung mật khẩu với bạn bè}

Khi điện thoại bị mất, việc nào nên làm ngay? {=Khóa SIM, đổi mật khẩu các tài khoản và báo cho ngân hàng ~Chờ vài tuần xem có ai trả lại không ~Đăng số điện thoại mới lên mạng ~Không cần làm gì}

Để trẻ em dùng Internet an toàn, cha mẹ nên làm gì? {=Đồng hành, hướng dẫn và giới hạn thời gian sử dụng ~Để trẻ dùng một mình không giới hạn ~Cho trẻ biết mật khẩu ngân hàng của cha mẹ ~Cấm hoàn toàn mà không giải thích}

$CATEGORY: Thanh toán và mua sắm trực tuyến

Mã QR thanh toán của ngân hàng dùng để làm gì? {=Quét bằng ứng dụng ngân hàng để chuyển tiền nhanh và đúng tài khoản ~Gọi điện thoại miễn phí ~Chụp ảnh đẹp hơn ~Nghe nhạc trực tuyến}

Trước khi xác nhận một giao dịch chuyển khoản bằng mã QR, bạn cần kiểm tra gì? {=Tên người nhận và số tiền ~Màu sắc của mã QR ~Kích thước của mã QR ~Giờ trên điện thoại}

Theo quy định của Ngân hàng Nhà nước từ ngày 1/7/2024, giao dịch chuyển tiền trực tuyến trên bao nhiêu mỗi lần phải xác thực sinh trắc học? {=10 triệu đồng ~100 nghìn đồng ~1 tỷ đồng ~Không giao dịch nào phải xác thực}

Ví điện tử là gì? {=Ứng dụng giữ tiền điện tử để thanh toán trực tuyến ~Một chiếc ví da có gắn chip ~Thẻ thư viện điện tử ~Một trò chơi trên điện thoại}

Lợi ích của thanh toán không dùng tiền mặt là gì? {=Nhanh, tiện lợi và minh bạch ~Phải mang theo nhiều tiền hơn ~Mất nhiều thời gian hơn ~Không thể kiểm tra lịch sử giao dịch}

Khi mua hàng trực tuyến, việc nào dễ bị lừa đảo nhất? {=Chuyển khoản đặt cọc cho người bán lạ bên ngoài sàn thương mại điện tử ~Mua trên sàn thương mại điện tử uy tín ~Thanh toán khi nhận hàng ~Đọc kỹ đánh giá của người mua trước}

Trang nào sau đây là sàn thương mại điện tử? {=Shopee ~VNeID ~Cổng Dịch vụ công quốc gia ~Google Dịch}

Để bán nông sản trên mạng, người dân có thể làm gì? {=Mở gian hàng trên sàn thương mại điện tử hoặc trang bán hàng uy tín ~Đưa mật khẩu ngân hàng cho người mua ~Gửi mã OTP cho khách hàng ~Chỉ bán cho người quen}

Khi nhận hàng thanh toán khi nhận hàng, bạn nên làm gì? {=Kiểm tra đúng đơn mình đã đặt trước khi trả tiền ~Trả tiền cho mọi gói hàng được giao đến ~Đưa mã OTP cho người giao hàng ~Cho người giao hàng số tài khoản và mật khẩu}

$CATEGORY: Kỹ năng số cơ bản

Phần mềm nào sau đây là trình duyệt web? {=Google Chrome ~Microsoft Word ~Máy tính bỏ túi ~Trình phát nhạc}

Trên máy tính Windows, tổ hợp phím nào dùng để sao chép? {=Ctrl + C ~Ctrl + V ~Ctrl + Z ~Ctrl + P}

Trên máy tính Windows, tổ hợp phím nào dùng để dán? {=Ctrl + V ~Ctrl + C ~Ctrl + S ~Ctrl + A}

Thư điện tử thường được gọi bằng từ tiếng Anh nào? {=Email ~Website ~Wi-Fi ~Bluetooth}

1 GB xấp xỉ bằng bao nhiêu MB? {=1024 MB ~10 MB ~100 MB ~1 MB}

Thiết bị nào dùng để nhập dữ liệu vào máy tính? {=Bàn phím ~Màn hình ~Loa ~Máy in}

Điện toán đám mây là gì? {=Lưu trữ và xử lý dữ liệu trên máy chủ qua Internet ~Dự báo thời tiết ~Một loại máy tính cầm tay ~Mạng điện thoại bàn}

Trí tuệ nhân tạo thường được viết tắt là gì? {=AI ~IT ~PC ~TV}

Sao lưu dữ liệu là gì? {=Tạo bản sao dữ liệu để khôi phục khi bị mất ~Xóa dữ liệu cũ ~Gửi dữ liệu cho người lạ ~Đổi tên tệp}

Zalo là gì? {=Ứng dụng nhắn tin và gọi điện của Việt Nam ~Một sàn giao dịch chứng khoán ~Một trình duyệt web ~Một hệ điều hành máy tính}

Số điện thoại khẩn cấp gọi cấp cứu y tế là số nào? {=115 ~113 ~114 ~116}

Số điện thoại khẩn cấp gọi Công an là số nào? {=113 ~115 ~114 ~119}

Số điện thoại khẩn cấp báo cháy và cứu nạn, cứu hộ là số nào? {=114 ~113 ~115 ~118}

Khi muốn tìm thông tin trên Internet, bạn dùng công cụ nào? {=Công cụ tìm kiếm như Google ~Máy tính bỏ túi ~Trình chiếu ảnh ~Trình soạn thảo văn bản}
`;
