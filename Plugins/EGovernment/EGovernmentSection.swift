import BaocaoCore

/// Writes "Xây dựng và phát triển Chính quyền điện tử, chính quyền số": electronic documents
/// sent, received and digitally signed; news on administrative reform on the provincial portal
/// and the Office's website, checked month by month against the plan's monthly requirement;
/// legal documents and reform bulletins posted; citizens' questions answered on the portal; the
/// published hotline; and the units' activities on digital transformation and Đề án 06.
public struct EGovernmentSection: SectionPlugin {
    public static let descriptor = PluginDescriptor(
        id: "e-government",
        title: "Xây dựng và phát triển Chính quyền điện tử, chính quyền số",
        summary:
            "Electronic documents and digital signatures, monthly news on the provincial portal and the Office's website, "
            + "legal documents and bulletins posted, citizens' questions answered, the hotline, digital-transformation activities.",
        options: [
            PluginOption(
                EGovernmentOption.monthlyNewsMinimum,
                "Minimum news items on administrative reform per month on each site the monthly requirement covers "
                    + "(default 1); 0 turns the monthly check off."),
            PluginOption(
                EGovernmentOption.monthlyNewsRequired,
                "Monthly indicators the plan's monthly requirement covers, e.g. [tin_bai_cong_tinh]. Default: the monthly "
                    + "indicators whose site a task's content asks news for every month (\"Hàng tháng … trên Cổng thông tin "
                    + "điện tử của tỉnh\", II.2); other sites are reported month by month without a judgement."),
        ],
        expectedIndicators: EGovernmentID.expected,
        examples: EGovernmentExamples.all)

    public init() {}

    public func makeSection(_ context: SectionContext) throws -> Section {
        var writer = EGovernmentWriter(context: context)
        return writer.write()
    }
}

/// The option keys this plugin reads from its area in the plan.
enum EGovernmentOption {
    static let monthlyNewsMinimum = "monthly_news_minimum"
    static let monthlyNewsRequired = "monthly_news_required"
}

/// Indicator ids of the e-government area, as the plan declares them.
enum EGovernmentID {
    static let sent = "vb_di_dien_tu"
    static let signed = "vb_di_ky_so"
    static let received = "vb_den_dien_tu"
    static let signedRate = "ty_le_ky_so"
    static let portalNews = "tin_bai_cong_tinh"
    static let officeNews = "tin_bai_trang_vp"
    static let legalDocuments = "vb_phap_luat_dang_tai"
    static let bulletins = "ban_tin_cchc"
    static let questions = "y_kien_tiep_nhan"
    static let answered = "y_kien_tra_loi"
    /// Answered ÷ received; computed by the core when the plan declares it, else by the plugin.
    static let answeredRate = "ty_le_tra_loi_y_kien"
    static let hotline = "duong_day_nong"

    static let expected = [
        sent, signed, received, signedRate, portalNews, officeNews, legalDocuments, bulletins, questions, answered, hotline,
    ]
}
