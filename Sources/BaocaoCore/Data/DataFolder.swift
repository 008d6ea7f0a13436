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
    /// which YAML reads as a decimal.
    static func hasThousandsSeparators(_ text: String) -> Bool {
        let groups = text.split(separator: ".", omittingEmptySubsequences: false)
        guard groups.count >= 2, (1...3).contains(groups[0].count) else { return false }
        return groups.allSatisfy { $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
            && groups.dropFirst().allSatisfy { $0.count == 3 }
    }
}
