import Foundation
import ZIPFoundation

/// Zip archives for workbooks: written with entries in the order given, every entry dated
/// 1980-01-01 00:00 and deflated, so that the same parts give the same bytes; read with limits,
/// since a workbook comes from outside.
public enum ZipParts {
    /// 1980-01-01T00:00:00Z, the earliest date a zip entry can hold.
    static let fixedDate = Date(timeIntervalSince1970: 315_532_800)
    /// The largest part read (uncompressed), against zip bombs.
    public static let maximumPartSize = 32 * 1024 * 1024

    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var message: String
        public var description: String { message }
    }

    /// A zip holding `entries` in this order.
    public static func archive(_ entries: [(path: String, data: Data)]) throws -> Data {
        let archive: Archive
        do {
            archive = try Archive(data: Data(), accessMode: .create)
        } catch {
            throw Failure(message: "không tạo được tệp nén trong bộ nhớ (cannot create the zip archive): \(error)")
        }
        for entry in entries {
            let data = entry.data
            do {
                try archive.addEntry(
                    with: entry.path, type: .file, uncompressedSize: Int64(data.count), modificationDate: fixedDate,
                    permissions: 0o644, compressionMethod: .deflate
                ) { position, size in
                    let start = data.startIndex + Int(position)
                    return data.subdata(in: start..<min(start + size, data.endIndex))
                }
            } catch {
                throw Failure(message: "không ghi được phần \(entry.path) vào tệp nén (cannot write \(entry.path)): \(error)")
            }
        }
        guard let data = archive.data else {
            throw Failure(message: "không đọc lại được tệp nén trong bộ nhớ (cannot read back the zip archive)")
        }
        return data
    }

    /// Every file entry of a zip, in archive order (each bounded in size).
    public static func entries(of data: Data) throws -> [(path: String, data: Data)] {
        let zip = try open(data)
        return try zip.paths.compactMap { path in try zip.part(path).map { (path, $0) } }
    }

    /// Opens `data` as a zip; the paths it holds and a reader for each, bounded in size.
    static func open(_ data: Data) throws -> ZipReader {
        do {
            return ZipReader(archive: try Archive(data: data, accessMode: .read))
        } catch {
            throw Failure(message: "không mở được tệp nén (not a readable zip archive): \(error)")
        }
    }
}

/// Reads the parts of a zip held in memory.
struct ZipReader {
    let archive: Archive

    /// The entry paths, in archive order.
    var paths: [String] { archive.map(\.path) }

    /// The part at `path` (exact, else ignoring case as some tools write it), or nil when absent.
    func part(_ path: String) throws -> Data? {
        let entry = archive[path] ?? archive.first { $0.path.lowercased() == path.lowercased() }
        guard let entry else { return nil }
        guard entry.type == .file else { return nil }
        if entry.uncompressedSize > UInt64(ZipParts.maximumPartSize) {
            throw ZipParts.Failure(
                message: "phần \(path) quá lớn (\(entry.uncompressedSize) byte, giới hạn \(ZipParts.maximumPartSize)) (part too large)")
        }
        var out = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                out.append(chunk)
                if out.count > ZipParts.maximumPartSize {
                    throw ZipParts.Failure(message: "phần \(path) giải nén vượt \(ZipParts.maximumPartSize) byte (part too large)")
                }
            }
        } catch let failure as ZipParts.Failure {
            throw failure
        } catch {
            throw ZipParts.Failure(message: "phần \(path) bị hỏng, không giải nén được (corrupt part): \(error)")
        }
        return out
    }
}
