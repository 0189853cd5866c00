namespace Portal.Bench.Search;

/// <summary>
/// Deterministic Vietnamese articles: a title from kinds and topics (about a third start with
/// "Thông báo", so it is a common phrase), a summary and a body of 12-20 sentences drawn from a
/// pool (about 2,000 characters). A street name "Phan Đình Phùng" appears in about 1 article in 50:
/// the rare query.
/// </summary>
internal static class Articles
{
    private static readonly string[] Kinds = ["Thông báo", "Thông báo", "Kế hoạch", "Báo cáo", "Hướng dẫn", "Quyết định", "Tin hoạt động"];

    private static readonly string[] Topics =
    [
        "quyết toán ngân sách", "tài chính doanh nghiệp", "đầu tư công", "cải cách hành chính", "chuyển đổi số",
        "tuyển sinh lớp 10", "tiêm chủng mở rộng", "phòng chống thiên tai", "an toàn giao thông", "giá đất",
        "thu hút đầu tư", "lịch tiếp công dân", "phát triển du lịch", "xây dựng nông thôn mới", "bảo hiểm xã hội",
        "giảm nghèo bền vững", "bảo vệ môi trường", "phòng cháy chữa cháy", "chăm sóc sức khỏe nhân dân", "văn hóa thể thao",
    ];

    private static readonly string[] Sentences =
    [
        "Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh Thái Nguyên, đơn vị đã tổ chức triển khai kế hoạch đến toàn thể cán bộ, công chức.",
        "Các phòng, ban chuyên môn căn cứ chức năng, nhiệm vụ được giao tổ chức thực hiện và báo cáo kết quả về Văn phòng trước ngày 25 hằng tháng.",
        "Hội nghị đã nghe báo cáo tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội, bảo đảm quốc phòng, an ninh năm 2025.",
        "Đồng chí Giám đốc Sở yêu cầu các đơn vị tập trung tháo gỡ khó khăn, vướng mắc, đẩy nhanh tiến độ giải ngân vốn đầu tư công.",
        "Người dân có thể tra cứu thông tin, nộp hồ sơ trực tuyến trên Cổng Dịch vụ công quốc gia và Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh.",
        "Trong năm, toàn ngành đã tiếp nhận và giải quyết đúng hạn 98,7% hồ sơ thủ tục hành chính, không để xảy ra tình trạng hồ sơ quá hạn.",
        "Công tác tuyên truyền, phổ biến, giáo dục pháp luật được tăng cường với nhiều hình thức phong phú, phù hợp với từng đối tượng.",
        "Lãnh đạo Ủy ban nhân dân thành phố đánh giá cao sự phối hợp chặt chẽ giữa các cơ quan, đơn vị trong quá trình triển khai nhiệm vụ.",
        "Nguồn kinh phí thực hiện được bố trí từ ngân sách nhà nước theo phân cấp hiện hành và các nguồn huy động hợp pháp khác.",
        "Đoàn kiểm tra đã làm việc trực tiếp tại các xã, phường, ghi nhận ý kiến, kiến nghị của cử tri và doanh nghiệp trên địa bàn.",
        "Ban tổ chức đề nghị các cơ quan, đơn vị cử cán bộ tham dự đầy đủ, đúng thành phần, đúng thời gian quy định.",
        "Tổng vốn đầu tư của dự án là 1.250 tỷ đồng, thời gian thực hiện từ năm 2025 đến năm 2027.",
        "Sở Tài chính chủ trì, phối hợp với Kho bạc Nhà nước tỉnh hướng dẫn các đơn vị thực hiện quyết toán theo đúng quy định.",
        "Các trường học trên địa bàn đã chủ động xây dựng kế hoạch dạy học, bảo đảm an toàn cho học sinh trong mùa mưa bão.",
        "Trung tâm Y tế huyện tổ chức tiêm chủng cho trẻ em dưới 5 tuổi tại các trạm y tế xã, phường vào ngày 15 hằng tháng.",
        "Ban Chỉ huy phòng, chống thiên tai và tìm kiếm cứu nạn yêu cầu các địa phương thường trực 24/24 giờ, sẵn sàng ứng phó.",
        "Hội đồng nhân dân tỉnh đã thông qua nghị quyết về chính sách hỗ trợ phát triển sản xuất nông nghiệp hàng hóa.",
        "Đến nay, 100% xã trên địa bàn đã đạt chuẩn nông thôn mới, trong đó có 35 xã đạt chuẩn nông thôn mới nâng cao.",
        "Công an tỉnh khuyến cáo người dân nâng cao cảnh giác trước các thủ đoạn lừa đảo chiếm đoạt tài sản qua mạng.",
        "Mọi ý kiến góp ý xin gửi về Văn phòng Sở qua địa chỉ thư điện tử hoặc bằng văn bản trước ngày 30 tháng 12.",
        "Chương trình nhằm nâng cao chất lượng nguồn nhân lực, đáp ứng yêu cầu chuyển đổi số trong cơ quan nhà nước.",
        "Ngành du lịch đón hơn 4,5 triệu lượt khách, tổng thu từ du lịch ước đạt 3.800 tỷ đồng, tăng 12% so với cùng kỳ.",
        "Tại buổi làm việc, các doanh nghiệp đã nêu những khó khăn về mặt bằng sản xuất, thủ tục đất đai và tiếp cận vốn tín dụng.",
        "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh phát động cuộc vận động ủng hộ Quỹ Vì người nghèo năm 2026.",
        "Sau khi kiểm tra, đoàn công tác đề nghị chủ đầu tư khẩn trương hoàn thiện hồ sơ, bảo đảm chất lượng công trình.",
    ];

    private static readonly string RareSentence = "Lễ khánh thành công trình chỉnh trang tuyến đường Phan Đình Phùng được tổ chức trang trọng với sự tham dự của đông đảo nhân dân.";

    public sealed record Article(string Title, string Summary, string Body, DateTimeOffset Published);

    public static Article Make(int tenant, int n)
    {
        var random = new Random(tenant * 1_000_003 + n);
        var title = $"{Kinds[random.Next(Kinds.Length)]} về {Topics[random.Next(Topics.Length)]} năm {2020 + random.Next(7)} (số {n + 1}/ĐV{tenant})";
        var summary = $"{Sentences[random.Next(Sentences.Length)]} {Sentences[random.Next(Sentences.Length)]}";
        var count = 12 + random.Next(9);
        var sentences = new List<string>(count + 1);
        for (var i = 0; i < count; i++)
        {
            sentences.Add(Sentences[random.Next(Sentences.Length)]);
        }

        if (random.Next(50) == 0)
        {
            sentences.Insert(random.Next(sentences.Count), RareSentence);
        }

        var published = new DateTimeOffset(2020, 1, 1, 1, 0, 0, TimeSpan.Zero).AddMinutes(random.Next(6 * 365 * 24 * 60));
        return new Article(title, summary, string.Join(' ', sentences), published);
    }
}
