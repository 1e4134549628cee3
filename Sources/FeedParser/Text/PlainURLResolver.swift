/// Resolves plain relative links against a plain base without Foundation's `URL`.
/// Most feeds use such links (`2024/10/post/`, `../about`, `/feed.atom`)
/// against a plain `http(s)://host[:port]/path` base; they are resolved by
/// RFC 3986's algorithm, since `URL` costs thousands of instructions per
/// link. Plain means: lowercase host, and paths of letters, digits, `-`, `.`,
/// `_`, `~` and `/` only, so that Foundation would neither percent-encode nor
/// normalise anything; the result is then byte for byte Foundation's
/// `absoluteString` (checked against it on hundreds of thousands of generated
/// pairs). Anything else is left to `URLResolver`'s Foundation path.
enum PlainURLResolver {
    /// `reference` made absolute against `base`, or nil when either is not plain.
    static func resolve(_ reference: String, against base: String) -> String? {
        var reference = reference
        var base = base
        return reference.withUTF8 { reference in
            base.withUTF8 { base in resolve(reference, against: base) }
        }
    }

    private static let slash = UInt8(ascii: "/")

    private static func resolve(_ reference: UnsafeBufferPointer<UInt8>,
                                against base: UnsafeBufferPointer<UInt8>) -> String? {
        guard let first = reference.first, reference.allSatisfy(isPathByte) else { return nil }
        // A network-path reference (`//host/x`) replaces the authority too.
        if first == slash, reference.count > 1, reference[1] == slash { return nil }
        guard let pathStart = pathStart(of: base) else { return nil }
        let basePath = UnsafeBufferPointer(rebasing: base[pathStart...])
        guard basePath.allSatisfy(isPathByte) else { return nil }

        // RFC 3986 section 5.2.3: merge the paths.
        var merged: [UInt8] = []
        merged.reserveCapacity(basePath.count + reference.count + 1)
        if first == slash {
            merged.append(contentsOf: reference)
        } else if let lastSlash = basePath.lastIndex(of: slash) {
            merged.append(contentsOf: basePath[...lastSlash])
            merged.append(contentsOf: reference)
        } else {
            merged.append(slash)
            merged.append(contentsOf: reference)
        }
        var output = Array(base[..<pathStart])
        output.reserveCapacity(output.count + merged.count)
        appendRemovingDotSegments(&merged, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Where the path of a plain base starts (after `http(s)://host[:port]`), or nil when the base is not plain.
    private static func pathStart(of base: UnsafeBufferPointer<UInt8>) -> Int? {
        let authorityStart: Int
        if base.starts(with: "https://".utf8) {
            authorityStart = 8
        } else if base.starts(with: "http://".utf8) {
            authorityStart = 7
        } else {
            return nil
        }
        var index = authorityStart
        var inPort = false
        while index < base.count, base[index] != slash {
            switch base[index] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                break
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "-"), UInt8(ascii: "."):
                if inPort { return nil }
            case UInt8(ascii: ":"):
                if inPort { return nil }
                inPort = true
            default:
                return nil
            }
            index += 1
        }
        guard index > authorityStart, base[index - 1] != UInt8(ascii: ":") else { return nil }
        return index
    }

    private static func isPathByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
             UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
            return true
        default:
            return false
        }
    }

    /// RFC 3986 section 5.2.4, `remove_dot_segments`, appending the result to `output`.
    /// `output` holds the scheme and authority (never removed). `input` is
    /// the algorithm's input buffer, rewritten as it says.
    private static func appendRemovingDotSegments(_ input: inout [UInt8], to output: inout [UInt8]) {
        let dot = UInt8(ascii: ".")
        let root = output.count
        let count = input.count
        var index = 0
        func byte(_ offset: Int) -> UInt8? { index + offset < count ? input[index + offset] : nil }
        func removeLastSegment() {
            while output.count > root, output.removeLast() != slash {}
        }
        while index < count {
            let (c0, c1, c2, c3) = (byte(0), byte(1), byte(2), byte(3))
            if c0 == dot, c1 == dot, c2 == slash {                      // A: "../"
                index += 3
            } else if c0 == dot, c1 == slash {                           // A: "./"
                index += 2
            } else if c0 == slash, c1 == dot, c2 == slash {              // B: "/./"
                index += 2
            } else if c0 == slash, c1 == dot, c2 == nil {                // B: "/." at the end
                index += 1
                input[index] = slash
            } else if c0 == slash, c1 == dot, c2 == dot, c3 == slash {   // C: "/../"
                index += 3
                removeLastSegment()
            } else if c0 == slash, c1 == dot, c2 == dot, c3 == nil {     // C: "/.." at the end
                index += 2
                input[index] = slash
                removeLastSegment()
            } else if c0 == dot, c1 == nil {                             // D: "."
                index += 1
            } else if c0 == dot, c1 == dot, c2 == nil {                  // D: ".."
                index += 2
            } else {                                                     // E: move one segment
                var end = index
                if input[end] == slash { end += 1 }
                while end < count, input[end] != slash { end += 1 }
                output.append(contentsOf: input[index..<end])
                index = end
            }
        }
    }
}
