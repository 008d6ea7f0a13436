import Foundation

// Files found in a data folder may not lead outside it: a symbolic link, to a file or to a
// period folder, whose target lies outside the folder is refused by name and never read (it
// could name a file of someone else's, a device that never ends, or a folder of another plan).

extension DataLoader {
    /// The path with every symbolic link resolved, or nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func isSymbolicLink(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFLNK
    }

    /// Why the entry `relative` of `folder` (whose real path is `realRoot`) may not be read, or
    /// nil when it lies inside the folder.
    static func refusal(_ relative: String, folder: String, realRoot: String) -> String? {
        let path = (folder as NSString).appendingPathComponent(relative)
        guard let real = realPath(path) else {
            guard isSymbolicLink(path) else { return nil }  // gone meanwhile: the reader says so
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
            return "liên kết (symlink) trỏ tới '\(target)', không tồn tại (broken symbolic link)"
        }
        let inside = realRoot.hasSuffix("/") ? realRoot : realRoot + "/"
        if real == realRoot || real.hasPrefix(inside) { return nil }
        return "liên kết (symlink) trỏ ra ngoài thư mục số liệu, tới \(real); không đọc (the link leads outside the data folder)"
    }

    /// "1.234" or "12.345.678": a whole number written with Vietnamese thousands separators,
    /// which YAML reads as a decimal. Read from the bytes: one to three ASCII digits, then
    /// groups of a dot and three ASCII digits (a digit is one byte and one character).
    static func hasThousandsSeparators(_ text: String) -> Bool {
        YAMLSource.withUTF8(text) { bytes in
            var digits = 0
            var groups = 1
            for byte in bytes {
                if byte == UInt8(ascii: ".") {
                    guard groups == 1 ? (1...3).contains(digits) : digits == 3 else { return false }
                    groups += 1
                    digits = 0
                } else if byte &- UInt8(ascii: "0") < 10 {
                    digits += 1
                } else {
                    return false
                }
            }
            return groups >= 2 && digits == 3
        }
    }

    /// `Period(code)`, with the codes data files write for a month or a quarter or half
    /// ("2026-03", "2026-Q1", "2026-H1") read from their seven ASCII bytes; any other text is
    /// left to `Period.init`, which trims and upper-cases it first.
    static func period(_ code: String) -> Period? {
        enum Read {
            case period(Period?)
            case other
        }
        let read = YAMLSource.withUTF8(code) { b -> Read in
            guard b.count == 7, b[4] == UInt8(ascii: "-") else { return .other }
            var year = 0
            for i in 0..<4 {
                let digit = b[i] &- UInt8(ascii: "0")
                guard digit < 10 else { return .other }
                year = year * 10 + Int(digit)
            }
            let last = b[6] &- UInt8(ascii: "0")
            guard last < 10 else { return .other }
            switch b[5] {
            case UInt8(ascii: "Q"): return .period(Period(year: year, kind: .quarter(Int(last))))
            case UInt8(ascii: "H"): return .period(Period(year: year, kind: .half(Int(last))))
            default:
                let tens = b[5] &- UInt8(ascii: "0")
                guard tens < 10 else { return .other }
                return .period(Period(year: year, kind: .month(Int(tens) * 10 + Int(last))))
            }
        }
        switch read {
        case .period(let period): return period
        case .other: return Period(code)
        }
    }
}
