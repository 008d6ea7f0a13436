import Foundation

/// A submitted form: `application/x-www-form-urlencoded` fields, or `multipart/form-data`
/// fields and files. Requests are untrusted: anything malformed gives an empty form.
struct SubmittedForm: Sendable {
    var fields: [String: String] = [:]
    var files: [String: (name: String, data: Data)] = [:]

    subscript(_ name: String) -> String? { fields[name] }

    init(fields: [String: String] = [:]) { self.fields = fields }

    /// Parses a body of the given content type.
    init(body: Data, contentType: String?) {
        let type = contentType ?? ""
        if type.lowercased().hasPrefix("multipart/form-data"), let boundary = Self.boundary(type) {
            parseMultipart(body, boundary: boundary)
        } else {
            fields = Self.urlEncoded(String(decoding: body, as: UTF8.self))
        }
    }

    /// "a=1&b=x+y" → ["a": "1", "b": "x y"]; the first of repeated names wins.
    static func urlEncoded(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = decode(String(parts[0]))
            let value = parts.count > 1 ? decode(String(parts[1])) : ""
            if result[name] == nil { result[name] = value }
        }
        return result
    }

    static func decode(_ s: String) -> String {
        (s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "").precomposedStringWithCanonicalMapping
    }

    static func boundary(_ contentType: String) -> String? {
        for part in contentType.split(separator: ";") {
            let trimmed = part.trimmingCharacters(in: .whitespaces)
            if trimmed.lowercased().hasPrefix("boundary=") {
                var value = String(trimmed.dropFirst("boundary=".count))
                if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
                return value.isEmpty || value.count > 200 ? nil : value
            }
        }
        return nil
    }

    private mutating func parseMultipart(_ body: Data, boundary: String) {
        let delimiter = Data(("--" + boundary).utf8)
        let bytes = [UInt8](body)
        var starts: [Int] = []
        var search = 0
        while let range = Self.find(Array(delimiter), in: bytes, from: search) {
            starts.append(range)
            search = range + delimiter.count
        }
        guard starts.count >= 2 else { return }
        for (start, end) in zip(starts, starts.dropFirst()) {
            var partStart = start + delimiter.count
            // Skip the CRLF after the delimiter.
            if partStart + 1 < bytes.count, bytes[partStart] == 13, bytes[partStart + 1] == 10 { partStart += 2 }
            var partEnd = end
            if partEnd >= 2, bytes[partEnd - 2] == 13, bytes[partEnd - 1] == 10 { partEnd -= 2 }
            guard partStart < partEnd else { continue }
            let part = Array(bytes[partStart..<partEnd])
            guard let split = Self.find([13, 10, 13, 10], in: part, from: 0) else { continue }
            let head = String(decoding: part[0..<split], as: UTF8.self)
            let content = Data(part[(split + 4)...])
            var name: String?
            var filename: String?
            for line in head.split(separator: "\r\n") where line.lowercased().hasPrefix("content-disposition:") {
                name = Self.parameter("name", in: String(line))
                filename = Self.parameter("filename", in: String(line))
            }
            guard let name else { continue }
            if let filename {
                files[name] = ((filename as NSString).lastPathComponent, content)
            } else if fields[name] == nil {
                fields[name] = String(decoding: content, as: UTF8.self).precomposedStringWithCanonicalMapping
            }
        }
    }

    static func parameter(_ key: String, in line: String) -> String? {
        guard let range = line.range(of: "; \(key)=\"") ?? line.range(of: ";\(key)=\"") else { return nil }
        let rest = line[range.upperBound...]
        guard let close = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<close])
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, from <= haystack.count - needle.count else { return nil }
        var i = from
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == needle[0] {
                var j = 1
                while j < needle.count && haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}
