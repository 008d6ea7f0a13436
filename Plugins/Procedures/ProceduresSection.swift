import BaocaoCore

/// Writes the section "Cải cách thủ tục hành chính": procedures announced, published and
/// reviewed; the dossier table (received, resolved, pending) with the on-time and online rates;
/// apology letters for late dossiers; citizen feedback; and the satisfaction ratios of Quyết
/// định 766/QĐ-TTg.
///
/// The plan sets no numeric target for this area, so findings are factual: a late dossier, an
/// overdue pending dossier, a late dossier without an apology letter, feedback not handled on
/// time or an announced procedure not yet published is a limitation; the absence of each (with
/// something to report) is an achievement.
public struct ProceduresSection: SectionPlugin {
    public static let descriptor = PluginDescriptor(
        id: "procedures",
        title: "Cải cách thủ tục hành chính",
        summary:
            "Procedures announced, published and reviewed; dossiers received, resolved and pending as the usual provincial table; "
            + "apology letters for late dossiers; citizen feedback; and the satisfaction ratios of Quyết định 766/QĐ-TTg.",
        expectedIndicators: ProcedureID.all,
        examples: ProceduresExamples.all)

    public init() {}

    public func makeSection(_ context: SectionContext) throws -> Section {
        var writer = ProceduresWriter(context: context)
        return writer.write()
    }
}

/// The indicator ids of the plan's procedures block.
enum ProcedureID {
    static let announced = "tthc_cong_bo"
    static let onNationalDatabase = "tthc_cong_khai_csdlqg"
    static let onPortal = "tthc_cong_khai_cong_tinh"
    static let reviewed = "tthc_ra_soat"
    static let carriedOver = "hs_ky_truoc"
    static let newOnline = "hs_moi_truc_tuyen"
    static let newDirect = "hs_moi_truc_tiep"
    static let newPostal = "hs_moi_buu_chinh"
    static let early = "hs_giai_quyet_truoc_han"
    static let onTime = "hs_giai_quyet_dung_han"
    static let late = "hs_giai_quyet_qua_han"
    static let pendingInTime = "hs_dang_giai_quyet_trong_han"
    static let pendingOverdue = "hs_dang_giai_quyet_qua_han"
    static let onTimeRate = "ty_le_dung_han"
    static let onlineRate = "ty_le_truc_tuyen"
    static let apologies = "thu_xin_loi"
    static let unsatisfiedDossiers = "hs_khong_hai_long"
    static let feedback = "pakn_tiep_nhan"
    static let feedbackOnTime = "pakn_dung_han"
    static let feedbackUnsatisfied = "pakn_khong_hai_long"
    static let feedbackOnTimeRate = "ty_le_pakn_dung_han"

    static let newParts = [newOnline, newDirect, newPostal]
    static let receivedParts = [carriedOver] + newParts
    static let resolvedParts = [early, onTime, late]
    static let pendingParts = [pendingInTime, pendingOverdue]
    static let dossierFigures = receivedParts + resolvedParts + pendingParts

    static let all = [
        announced, onNationalDatabase, onPortal, reviewed, carriedOver, newOnline, newDirect, newPostal, early, onTime, late,
        pendingInTime, pendingOverdue, onTimeRate, onlineRate, apologies, unsatisfiedDossiers, feedback, feedbackOnTime,
        feedbackUnsatisfied, feedbackOnTimeRate,
    ]
}

/// Ids of the figures this plugin computes itself (they are not plan indicators); they name the
/// provenance records of the section's derived totals and ratios.
enum ComputedID {
    /// Carried over + new (online + direct + postal).
    static let received = "hs_tiep_nhan"
    /// Online + direct + postal.
    static let newDossiers = "hs_tiep_nhan_moi"
    /// Early + on time + late.
    static let resolved = "hs_da_giai_quyet"
    /// Within time + overdue.
    static let pending = "hs_dang_giai_quyet"
    /// Quyết định 766/QĐ-TTg: (resolved − unsatisfied, complained about or late) ÷ resolved × 100.
    static let procedureSatisfaction = "ty_le_hai_long_tthc"
    /// Quyết định 766/QĐ-TTg: (feedback − unsatisfied or late) ÷ feedback × 100.
    static let feedbackSatisfaction = "ty_le_hai_long_pakn"
}
