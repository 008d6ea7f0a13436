import Yams

// `baocao plan new` scaffolds next year's plan and leaves "CẦN ĐIỀN" where only its author can
// write (the decision the plan implements). Such a plan loads, so that it can be checked and
// its reports drafted, but every placeholder left is a warning at its line and column, listed
// by `validate` and `compile`, until the author replaces it.

extension PlanLoader {
    /// The marker of text left for the author.
    public static let placeholder = "CẦN ĐIỀN"
}

extension PlanReader {
    /// Warns at every scalar of the file that still holds the placeholder.
    func checkPlaceholders(_ root: YNode) {
        func walk(_ node: Node) {
            switch node {
            case .scalar(let s):
                guard s.string.contains(PlanLoader.placeholder) else { return }
                let at = YNode(node: node, file: root.file).location
                bag.warning(
                    at,
                    "còn chỗ cần điền: '\(s.string.count > 60 ? String(s.string.prefix(60)) + "…" : s.string)'; thay bằng nội dung thật (placeholder left for the author)"
                )
            case .mapping(let m):
                for (_, value) in m { walk(value) }
            case .sequence(let seq):
                for item in seq { walk(item) }
            case .alias:
                break
            }
        }
        walk(root.node)
    }
}
