import Yams

/// Bounds on the work a YAML file may cause, checked before and just after parsing so that a
/// hostile file (an alias "billion laughs", a bracket nested a million deep) is refused in
/// milliseconds with its location instead of hanging or crashing the process.
public enum YAMLLimits {
    /// Deepest nesting of flow brackets, and of block indentation plus "- " markers on a line.
    public static let maximumDepth = 200
    /// Nodes after expanding every alias (a plan has a few thousand; a unit's file a few hundred).
    public static let maximumExpandedNodes = 300_000
    /// Alias uses (`*name`) in one file.
    public static let maximumAliases = 10_000
    /// Bytes of text in all scalars after expanding every alias: twice the file-size limit, so
    /// that a long text aliased ten thousand times cannot fill the memory of the readers and
    /// renderers that walk it.
    public static let maximumExpandedTextBytes = 2 * YAMLSource.maximumFileSize
    /// The largest number a file may give (10^12): no figure is larger, and sums of thousands of
    /// them stay exact and printable.
    public static let maximumNumber = 1e12

    /// Scans the text without parsing it. Returns the first limit it breaks.
    static func prescan(_ text: String, displayPath: String) -> Diagnostic? {
        YAMLSource.withUTF8(text) { prescan($0, displayPath: displayPath) }
    }

    /// Whether the tree of a text of `byteCount` bytes is within the limits without being
    /// walked: true when nothing is expanded (no alias: `hasAlias` is whether a '*' is anywhere
    /// in the text) and the text is too short to write as many nodes or as much text. A node
    /// takes a byte of its own, or is an empty scalar or the single-pair mapping of a ':' or
    /// '?' indicator (three nodes at most for one byte), so a text writes fewer than four nodes
    /// a byte; a scalar's text is at most one and a half times the bytes that write it ("\L"
    /// is three bytes of text).
    static func withinLimitsUnexpanded(byteCount: Int, hasAlias: Bool) -> Bool {
        !hasAlias && byteCount <= maximumExpandedNodes / 4 && byteCount <= maximumExpandedTextBytes / 2
    }

    /// Counts the nodes and the text of a composed tree as if every alias were expanded (as the
    /// readers will walk it), stopping as soon as a limit is passed, so the count itself is
    /// bounded. The limit is reported where an alias is expanded: the innermost node written in
    /// the file (not inside an alias's copy of an anchored node) on the way to the node that
    /// passed the limit.
    static func checkExpansion(_ root: Node, displayPath: String) -> Diagnostic? {
        checkTree(root, displayPath: displayPath, findControls: false).limit
    }

    /// `checkExpansion`, and with `findControls` the first `controlLimit` keys and values written
    /// in the file (alias copies are not looked at again) that hold a forbidden character, in
    /// the order written (see `YAMLSource.controlCharacter(in:displayPath:)`). One walk, without
    /// an array of children per node: each mapping or sequence on the way down is a frame that
    /// hands out its children in the order written.
    ///
    /// A child is an alias's copy of an anchored node when it carries the mark of its anchor,
    /// written before the alias: before its key (a mapping's value), or not after the item
    /// before it, or before its sequence (an item). Keys are never copies. Everything inside a
    /// copy is a copy, and takes the mark of the nearest node written at its own place (`site`).
    static func checkTree(
        _ root: Node, displayPath: String, findControls: Bool, controlLimit: Int = 20
    ) -> (limit: Diagnostic?, controls: [Diagnostic]) {
        var walk = TreeWalk(displayPath: displayPath, findControls: findControls, controlLimit: controlLimit)
        let limit = walk.run(root)
        return (limit, walk.controls)
    }

    /// The state of `checkTree`. Depth-first with an explicit stack of frames, one per mapping
    /// or sequence on the way down: a deep tree cannot overflow the call stack. A node is copied
    /// out of its parent once, when it is reached; scalars, most of the nodes, are never stacked.
    private struct TreeWalk {
        let displayPath: String
        let findControls: Bool
        let controlLimit: Int
        var nodes = maximumExpandedNodes
        var bytes = maximumExpandedTextBytes
        var controls: [Diagnostic] = []
        var frames: [Frame] = []

        init(displayPath: String, findControls: Bool, controlLimit: Int) {
            self.displayPath = displayPath
            self.findControls = findControls
            self.controlLimit = controlLimit
        }

        /// A mapping or sequence being walked: `index` counts the children handed out (a
        /// mapping's keys and values alternate); `last` is where the last item of a sequence
        /// written at its own place is.
        struct Frame {
            enum Container {
                case mapping(Node.Mapping)
                case sequence(Node.Sequence)
            }
            let container: Container
            var index = 0
            let count: Int
            let site: Mark?
            let inCopy: Bool
            var last: (Int, Int)

            init(container: Container, count: Int, site: Mark?, inCopy: Bool, last: (Int, Int)) {
                self.container = container
                self.count = count
                self.site = site
                self.inCopy = inCopy
                self.last = last
            }
        }

        mutating func run(_ root: Node) -> Diagnostic? {
            if let limit = enter(root, site: Self.mark(of: root), inCopy: false) { return limit }
            while let top = frames.indices.last {
                let index = frames[top].index
                guard index < frames[top].count else {
                    frames.removeLast()
                    continue
                }
                let parentSite = frames[top].site
                let parentInCopy = frames[top].inCopy
                switch frames[top].container {
                case .mapping(let m):
                    let pair = m[m.startIndex + index / 2]
                    let keyMark = Self.mark(of: pair.key)
                    if index % 2 == 0 {
                        // Keys are never copies. After a scalar key (the usual) its value is
                        // taken at once; after a mapping or sequence, once that is walked.
                        frames[top].index = index + 1
                        let depth = frames.count
                        if let limit = enter(pair.key, site: parentInCopy ? parentSite : keyMark, inCopy: parentInCopy) { return limit }
                        guard frames.count == depth else { continue }
                    }
                    frames[top].index = index / 2 * 2 + 2
                    let valueMark = Self.mark(of: pair.value)
                    let copy = parentInCopy || (valueMark != nil && Self.position(valueMark) < Self.position(keyMark))
                    if let limit = enter(pair.value, site: copy ? parentSite : valueMark, inCopy: copy) { return limit }
                case .sequence(let q):
                    frames[top].index = index + 1
                    let item = q[q.startIndex + index]
                    let itemMark = Self.mark(of: item)
                    let here = Self.position(itemMark)
                    let isCopy = itemMark != nil && (index == 0 ? here < frames[top].last : here <= frames[top].last)
                    if !isCopy { frames[top].last = here }
                    let copy = parentInCopy || isCopy
                    if let limit = enter(item, site: copy ? parentSite : itemMark, inCopy: copy) { return limit }
                }
            }
            return nil
        }

        /// Counts `node`, looks at it when it is a scalar and stacks it when it has children.
        /// Returns the limit passed, reported at `site`.
        mutating func enter(_ node: Node, site: Mark?, inCopy: Bool) -> Diagnostic? {
            nodes -= 1
            switch node {
            case .scalar(let s):
                bytes -= s.string.utf8.count
                if findControls, !inCopy, controls.count < controlLimit,
                    let found = YAMLSource.controlCharacter(in: s, displayPath: displayPath)
                {
                    controls.append(found)
                }
            case .mapping(let m):
                frames.append(Frame(container: .mapping(m), count: 2 * m.count, site: site, inCopy: inCopy, last: (0, 0)))
            case .sequence(let q):
                frames.append(Frame(container: .sequence(q), count: q.count, site: site, inCopy: inCopy, last: Self.position(q.mark)))
            case .alias:
                break
            }
            guard nodes < 0 || bytes < 0 else { return nil }
            let what =
                nodes < 0
                ? "hơn \(VietnameseFormat.count(maximumExpandedNodes)) nút dữ liệu (tính cả các alias *… được triển khai); tệp bị từ chối (too many nodes after alias expansion)"
                : "hơn \(maximumExpandedTextBytes / 1_048_576) MB văn bản sau khi triển khai các alias *…; tệp bị từ chối (too much text after alias expansion)"
            return .error(SourceLocation(file: displayPath, line: site?.line ?? 0, column: site?.column ?? 0), "tệp có " + what)
        }

        /// The node's mark, read from its payload (`Node.mark` copies the payload out first).
        @inline(__always)
        static func mark(of node: Node) -> Mark? {
            switch node {
            case .scalar(let s): return s.mark
            case .mapping(let m): return m.mark
            case .sequence(let q): return q.mark
            case .alias(let a): return a.mark
            }
        }

        @inline(__always)
        static func position(_ mark: Mark?) -> (Int, Int) { (mark?.line ?? 0, mark?.column ?? 0) }
    }
}
