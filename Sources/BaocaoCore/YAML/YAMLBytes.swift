// Scans of a file's text before it is parsed, over its UTF-8 bytes. A 4 MB unit file is read
// several times before libyaml sees it (normalisation, limits, tabs); walking it by `Unicode.Scalar`
// or `Character` cost more than parsing it. Every scan here answers exactly as the same scan over
// the text's scalars: the characters they look for are ASCII, the bytes of a multi-byte scalar
// are all ≥ 0x80 (so none is mistaken for one of them), and columns count scalars (the bytes that
// do not continue a scalar).

import Foundation

extension YAMLSource {
    /// Calls `body` with the text's UTF-8 bytes, without copying them when the string is native.
    static func withUTF8<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }

    /// Whether `bytes` holds the byte `byte`.
    static func contains(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        find(byte, in: bytes, from: 0) < bytes.count
    }

    /// The index of the first `byte` in `bytes` at or after `start`, or `bytes.count`.
    @inline(__always)
    static func find(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard start < bytes.count, let base = bytes.baseAddress,
            let found = memchr(base + start, Int32(byte), bytes.count - start)
        else { return bytes.count }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }

    /// Whether one of the eight bytes of `word` is `byte` (with no false answer either way: a
    /// byte is zero exactly when it equals `byte`, and the test finds any zero byte).
    @inline(__always)
    static func hasByte(_ word: UInt64, _ byte: UInt8) -> Bool {
        let x = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 != 0
    }

    /// The scalar values of valid UTF-8 `bytes` all satisfy `isNFCStable` (see `isCertainlyNFC`).
    static func isCertainlyNFC(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let count = bytes.count
        while i < count {
            let lead = bytes[i]
            if lead < 0x80 {
                i += 1
                continue
            }
            // Two bytes: U+0080–U+07FF; stable below U+0300 (leads C2–CB).
            if lead < 0xE0 {
                guard lead < 0xCC else { return false }
                i += 2
                continue
            }
            // Four bytes (U+10000 and above): none is in the stable ranges.
            guard lead < 0xF0, i + 2 < count else { return false }
            let value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
            guard isNFCStable(value) else { return false }
            i += 3
        }
        return true
    }

    /// The scalars NFC never changes nor combines with what precedes them (see `isCertainlyNFC`).
    @inline(__always)
    static func isNFCStable(_ value: UInt32) -> Bool {
        switch value {
        case 0..<0x0300, 0x1E00...0x1EFF, 0x2002...0x20CF, 0x2190...0x22FF, 0x2500...0x25FF: return true
        default: return false
        }
    }

    /// `firstIndentationTab(in:)` over the text's bytes. Once a line's indentation has ended,
    /// the rest of the line is passed over to its line feed.
    static func firstIndentationTab(in bytes: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int)? {
        var line = 1
        var column = 0
        var i = 0
        let count = bytes.count
        while i < count {
            let byte = bytes[i]
            i += 1
            switch byte {
            // LF ends a line, also as the second half of CR LF; a CR is no indentation.
            case 0x0A:
                line += 1
                column = 0
            case 0x0D:
                continue
            case 0x20:
                column += 1
            case 0x09:
                return (line, column + 1)
            default:
                // The indentation has ended: on to the line feed (which the loop then reads).
                i = find(0x0A, in: bytes, from: i)
            }
        }
        return nil
    }

    /// Whether some UTF-8 sequence in `bytes` encodes a scalar `isForbidden` refuses: a C0
    /// control other than tab, LF and CR (00–1F), DEL (7F), a C1 control (C2 80–C2 9F), or
    /// U+FFFE/U+FFFF (EF BF BE, EF BF BF).
    static func hasForbidden(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let count = bytes.count
        while i < count {
            let b = bytes[i]
            i += 1
            switch b {
            case 0x09, 0x0A, 0x0D: continue
            case 0x00...0x1F, 0x7F: return true
            case 0xC2:
                if i < count, (0x80...0x9F).contains(bytes[i]) { return true }
            case 0xEF:
                if i + 1 < count, bytes[i] == 0xBF, bytes[i + 1] == 0xBE || bytes[i + 1] == 0xBF { return true }
            default: continue
            }
        }
        return false
    }
}

extension YAMLLimits {
    /// `prescan` over the text's bytes. A scalar of several bytes is taken at its first byte, as
    /// one character that is none of those looked for, and its other bytes are passed over; the
    /// last byte of a scalar stands for it as `previous` (only ASCII is ever compared with it).
    ///
    /// Runs of bytes that change nothing are passed over in tight loops: the rest of a comment,
    /// the text inside quotes up to the next quote, escape or line feed, and plain text up to the
    /// next character the scan looks at. Columns are not counted on the way; the column of a
    /// limit passed is counted from the start of its line (`column(_:lineStart:)`).
    static func prescan(_ bytes: UnsafeBufferPointer<UInt8>, displayPath: String) -> Diagnostic? {
        let space = UInt8(ascii: " ")
        let tab = UInt8(ascii: "\t")
        let newline = UInt8(ascii: "\n")
        let backslash = UInt8(ascii: "\\")
        let doubleQuote = UInt8(ascii: "\"")
        let singleQuote = UInt8(ascii: "'")
        let colon = UInt8(ascii: ":")
        var line = 1
        var lineStart = 0
        var flowDepth = 0
        var atLineStart = true
        var lineDepth = 0
        var inDouble = false
        var inSingle = false
        var previous = space
        var aliases = 0
        // The line and byte index of an alias that may yet turn out to be a key.
        var pendingAlias: (line: Int, index: Int)?
        var afterAlias = false
        func at(_ l: Int, _ index: Int) -> SourceLocation {
            SourceLocation(file: displayPath, line: l, column: column(bytes, index, lineStart: lineStart))
        }

        var i = 0
        let count = bytes.count
        while i < count {
            let here = i
            let scalar = bytes[i]
            i += 1
            // The second and later bytes of a scalar: the first stood for it.
            if scalar & 0xC0 == 0x80 { continue }
            if scalar == newline {
                line += 1
                lineStart = i
                atLineStart = true
                lineDepth = 0
                inSingle = false
                pendingAlias = nil
                afterAlias = false
                previous = scalar
                continue
            }
            if inDouble {
                if scalar == doubleQuote && previous != backslash {
                    inDouble = false
                    previous = scalar
                    continue
                }
                previous = scalar == backslash && previous == backslash ? space : scalar
                let start = i
                // Eight bytes at a time while none of them is a quote, an escape or a line feed.
                while i + 8 <= count {
                    let word = UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self)
                    if YAMLSource.hasByte(word, doubleQuote) || YAMLSource.hasByte(word, backslash) || YAMLSource.hasByte(word, newline) {
                        break
                    }
                    i += 8
                }
                while i < count {
                    let b = bytes[i]
                    if b == doubleQuote || b == backslash || b == newline { break }
                    i += 1
                }
                if i > start { previous = bytes[i - 1] }
                continue
            }
            if inSingle {
                if scalar == singleQuote {
                    inSingle = false
                    previous = scalar
                    continue
                }
                let start = i
                while i < count {
                    let b = bytes[i]
                    if b == singleQuote || b == newline { break }
                    i += 1
                }
                previous = i > start ? bytes[i - 1] : scalar
                continue
            }
            let isFirst = here == lineStart
            if atLineStart {
                if scalar == space
                    || ((scalar == UInt8(ascii: "-") || scalar == UInt8(ascii: "?"))
                        && (previous == space || previous == newline || isFirst))
                {
                    lineDepth += 1
                    if lineDepth > maximumDepth * 2 {
                        return .error(
                            at(line, here), "cấu trúc lồng nhau quá sâu (hơn \(maximumDepth) mức); tệp bị từ chối (nesting too deep)")
                    }
                    previous = scalar
                    continue
                }
                atLineStart = false
            }
            // An alias used as a mapping key would be hashed in full by the parser: refuse it.
            if let alias = pendingAlias {
                if afterAlias {
                    if scalar == colon {
                        return .error(at(alias.line, alias.index), "không dùng alias (*…) làm khóa (an alias may not be used as a key)")
                    }
                    if scalar != space && scalar != tab { pendingAlias = nil }
                } else if scalar == space || scalar == tab {
                    afterAlias = true
                } else if scalar == colon {
                    return .error(at(alias.line, alias.index), "không dùng alias (*…) làm khóa (an alias may not be used as a key)")
                } else if scalar == UInt8(ascii: ",") || scalar == UInt8(ascii: "]") || scalar == UInt8(ascii: "}") {
                    pendingAlias = nil
                }
            }
            switch scalar {
            case UInt8(ascii: "#") where previous == space || previous == tab || isFirst:
                // Nothing in a comment counts: on to its line feed.
                i = YAMLSource.find(newline, in: bytes, from: i)
                continue
            case doubleQuote:
                inDouble = true
            case singleQuote
            where previous == space || previous == colon || previous == UInt8(ascii: "[") || previous == UInt8(ascii: "{")
                || previous == UInt8(ascii: ",") || isFirst:
                inSingle = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                flowDepth += 1
                if flowDepth > maximumDepth {
                    return .error(
                        at(line, here), "cấu trúc lồng nhau quá sâu (hơn \(maximumDepth) mức ngoặc); tệp bị từ chối (nesting too deep)")
                }
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                flowDepth = max(0, flowDepth - 1)
            case UInt8(ascii: "*")
            where previous == space || previous == UInt8(ascii: "[") || previous == UInt8(ascii: "{") || previous == UInt8(ascii: ",")
                || isFirst:
                aliases += 1
                if aliases > maximumAliases {
                    return .error(at(line, here), "quá nhiều alias (hơn \(maximumAliases)); tệp bị từ chối (too many aliases)")
                }
                pendingAlias = (line, here)
                afterAlias = false
            default:
                break
            }
            previous = scalar
            // Plain text after the indentation, with no alias pending and no quote open: only
            // these characters matter.
            if !inDouble && !inSingle && !atLineStart && pendingAlias == nil {
                let start = i
                while i < count, !isPlainStop(bytes[i]) { i += 1 }
                if i > start { previous = bytes[i - 1] }
            }
        }
        return nil
    }

    /// The characters plain text is scanned for: a line feed, '#', quotes, brackets and '*'.
    @inline(__always)
    private static func isPlainStop(_ b: UInt8) -> Bool {
        // Bit n of `low` is set for the byte n (< 64), of `high` for the byte 64 + n (< 128).
        let low: UInt64 = 1 << 0x0A | 1 << 0x22 | 1 << 0x23 | 1 << 0x27 | 1 << 0x2A
        let high: UInt64 = 1 << (0x5B - 64) | 1 << (0x5D - 64) | 1 << (0x7B - 64) | 1 << (0x7D - 64)
        if b < 64 { return low >> b & 1 != 0 }
        if b < 128 { return high >> (b - 64) & 1 != 0 }
        return false
    }

    /// The column of the scalar starting at byte `index`: the scalars from `lineStart` to it.
    private static func column(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, lineStart: Int) -> Int {
        var column = 0
        for b in bytes[lineStart...index] where b & 0xC0 != 0x80 { column += 1 }
        return column
    }
}
