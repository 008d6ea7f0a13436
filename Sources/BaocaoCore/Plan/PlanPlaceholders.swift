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
                guard Self.mayHoldPlaceholder(s.string), s.string.contains(PlanLoader.placeholder) else { return }
                let at = YNode(node: node, file: root.file).location
                bag.warning(
                    at,
                    "còn chỗ cần điền: '\(s.string.count > 60 ? String(s.string.prefix(60)) + "…" : s.string)'; thay bằng nội dung thật (placeholder left for the author)"
                )
            case .mapping(let m):
                // By index: iterating a Yams mapping copies all its pairs into a new array first.
                for index in m.startIndex..<m.endIndex { walk(m[index].value) }
            case .sequence(let seq):
                for index in seq.startIndex..<seq.endIndex { walk(seq[index]) }
            case .alias:
                break
            }
        }
        walk(root.node)
    }

    /// False when `text` cannot hold the placeholder, decided on its bytes. Any text that holds
    /// it, in whatever canonically equivalent form, holds "N Đ" as written: N, the space and
    /// Đ (U+0110) have no decomposition and compose with nothing before them. Foundation's
    /// search, called only after this, decides.
    static func mayHoldPlaceholder(_ text: String) -> Bool {
        // "N Đ" is 4E 20 C4 90: each C4 is checked for what is around it.
        YAMLSource.withUTF8(text) { bytes in
            guard bytes.count >= 4 else { return false }
            var i = YAMLSource.find(0xC4, in: bytes, from: 2)
            while i + 1 < bytes.count {
                if bytes[i + 1] == 0x90, bytes[i - 1] == 0x20, bytes[i - 2] == 0x4E { return true }
                i = YAMLSource.find(0xC4, in: bytes, from: i + 1)
            }
            return false
        }
    }
}
