import Foundation
import ZIPFoundation

/// A zip archive built in memory with entries in the order given, every entry dated
/// 1980-01-01 00:00 (the earliest date a zip can hold) and deflated: the same parts give the
/// same bytes, whenever and wherever they are written.
enum ZipPackage {
    /// 1980-01-01T00:00:00Z. ZIPFoundation converts dates with gmtime, so the time zone of the
    /// machine does not matter.
    static let fixedDate = Date(timeIntervalSince1970: 315_532_800)

    static func archive(_ entries: [(path: String, data: Data)]) throws -> Data {
        let archive: Archive
        do {
            archive = try Archive(data: Data(), accessMode: .create)
        } catch {
            throw RenderError("không tạo được tệp nén trong bộ nhớ (cannot create the zip archive in memory): \(error)")
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
                throw RenderError("không ghi được phần \(entry.path) vào tệp nén (cannot write \(entry.path) to the zip archive): \(error)")
            }
        }
        guard let data = archive.data else {
            throw RenderError("không đọc lại được tệp nén trong bộ nhớ (cannot read back the zip archive)")
        }
        return data
    }
}
