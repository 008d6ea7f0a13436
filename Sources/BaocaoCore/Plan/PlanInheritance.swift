import Foundation

// A plan may build on another: `extends: ke-hoach-tuyen-truyen-cchc-2026.yaml` (a path relative
// to the plan's own folder) takes every top-level section the plan does not give — units,
// areas with their indicators, reporting, organization, purposes … — from the base plan, which
// is read and checked as a plan of its own (and may itself extend another, up to four levels).
// A section the plan gives replaces the base's section whole; `plan:` (the identity: title,
// year, basis) is always the plan's own. Inherited entities keep their locations in the base
// file, so a problem in them is reported there.

extension PlanReader {
    /// The plan a plan extends, read and checked.
    struct Base {
        var plan: Plan
        /// The base's references, checked again against the merged plan.
        var references: [PlanReference]
        /// The base file as diagnostics name it.
        var file: String
    }

    /// The top-level sections a plan may inherit.
    static let inheritableSections = ["units", "purposes", "requirements", "tasks", "organization", "areas", "reporting", "closing", "rules"]

    /// How many plans deep `extends` may go.
    static let maximumBaseDepth = 4

    /// Reads `extends:` and the plan it names; nil (with located errors) when there is none or
    /// it cannot be used.
    func readBase(_ top: YMapping) -> Base? {
        guard let node = top.require("extends", required: false), let relative = node.string(bag, what: "extends") else { return nil }
        let ownPath = path ?? node.file
        let basePath =
            relative.hasPrefix("/")
            ? relative : ((ownPath as NSString).deletingLastPathComponent as NSString).appendingPathComponent(relative)
        let shown =
            relative.hasPrefix("/")
            ? relative : ((node.file as NSString).deletingLastPathComponent as NSString).appendingPathComponent(relative)
        let chain = lineage + [(ownPath as NSString).standardizingPath]
        let key = (basePath as NSString).standardizingPath
        if chain.contains(key) {
            bag.error(node.location, "extends: kế hoạch '\(relative)' kế thừa vòng tròn (\(chain.count) tệp) (circular extends)")
            return nil
        }
        if chain.count > Self.maximumBaseDepth {
            bag.error(node.location, "extends: kế thừa quá \(Self.maximumBaseDepth) tầng (too many levels of extends)")
            return nil
        }
        let baseBag = DiagnosticBag()
        guard let root = YAMLSource.load(path: basePath, displayPath: shown, bag: baseBag) else {
            let reason = baseBag.items.first.map { $0.message } ?? "không đọc được"
            bag.error(node.location, "extends: không dùng được kế hoạch gốc '\(shown)': \(reason) (base plan unreadable)")
            return nil
        }
        let reader = PlanReader(plugins: plugins, bag: baseBag)
        reader.path = basePath
        reader.lineage = chain
        let plan = reader.read(root)
        bag.append(contentsOf: baseBag.items)
        guard let plan, !baseBag.hasErrors else {
            bag.error(node.location, "extends: kế hoạch gốc '\(shown)' có lỗi (xem các lỗi của tệp đó) (base plan has errors)")
            return nil
        }
        return Base(plan: plan, references: reader.references, file: shown)
    }

    /// The base's value for a section the plan leaves out; nil when the plan gives the section
    /// (or has no base).
    func inherited<T>(_ top: YMapping, _ key: String, _ base: Base?, _ value: (Plan) -> T) -> T? {
        guard let base, top.keyLocation(key) == nil else { return nil }
        return value(base.plan)
    }

    /// The base's references inside the sections the plan inherits, to check against the
    /// merged plan (a unit the plan drops may still be named by an inherited indicator).
    func inheritedReferences(_ top: YMapping, _ base: Base?) -> [PlanReference] {
        guard let base else { return [] }
        let inheritedKeys = Set(Self.inheritableSections.filter { top.keyLocation($0) == nil })
        return base.references.filter { ref in
            let section = ref.context.prefix { $0 != "[" && $0 != "." }
            return inheritedKeys.contains(String(section))
        }
    }

    /// Whether the plan must give every required section itself: it does not extend another.
    /// (When its base cannot be read, that error is reported alone, not every section it lacks.)
    func mustGiveAll(_ top: YMapping) -> Bool { top.keyLocation("extends") == nil }

    /// The base files, nearest first.
    func baseFiles(_ base: Base?) -> [String] {
        base.map { [$0.file] + $0.plan.bases } ?? []
    }
}
