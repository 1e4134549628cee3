#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Substring search on UTF-8 bytes. The rules look for ASCII phrases in
/// lowercased keys and URLs, where a byte match says what a Character match
/// says; the standard library's generic `contains(_:)` walks Characters and
/// costs about a hundred times as much on a paragraph.
extension StringProtocol {
    /// Whether the UTF-8 bytes of `needle` occur in the string's.
    func containsBytes(of needle: String) -> Bool {
        withBytes { haystack in needle.withBytes { ByteSearch.contains(haystack, $0) } }
    }

    /// The range of the first occurrence of `needle`'s UTF-8 bytes in the string's, or nil.
    func byteRange(of needle: String) -> Range<Index>? {
        guard let offset = withBytes({ haystack in needle.withBytes { ByteSearch.offset(of: $0, in: haystack) } })
        else { return nil }
        let start = utf8.index(startIndex, offsetBy: offset)
        return start..<utf8.index(start, offsetBy: needle.utf8.count)
    }

    /// Whether the string's UTF-8 bytes start with those of `prefix`.
    @inline(__always)
    func hasBytePrefix(_ prefix: String) -> Bool {
        // Rules try lists of openings: most differ in the first byte, settled without the buffers.
        guard let first = prefix.utf8.first else { return true }
        guard utf8.first == first else { return false }
        return withBytes { bytes in
            prefix.withBytes { prefix in
                prefix.count <= bytes.count && prefix.indices.allSatisfy { bytes[$0] == prefix[$0] }
            }
        }
    }

    /// Whether the string's UTF-8 bytes end with those of `suffix`.
    func hasByteSuffix(_ suffix: String) -> Bool {
        withBytes { bytes in
            suffix.withBytes { suffix in
                let offset = bytes.count - suffix.count
                return offset >= 0 && suffix.indices.allSatisfy { bytes[offset + $0] == suffix[$0] }
            }
        }
    }

    /// Calls `body` with the string's UTF-8 bytes, without copying them when stored contiguously.
    ///
    /// Native strings always are.
    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(utf8).withUnsafeBufferPointer(body)
    }
}

/// Byte-level search primitives.
enum ByteSearch {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Whether any of the eight bytes of `word` is zero.
    ///
    /// The classic bit trick: exact about whether, not about which.
    @inline(__always)
    static func hasZeroByte(_ word: UInt64) -> Bool {
        (word &- ones) & ~word & highs != 0
    }

    /// Whether any of the eight bytes of `word` is `byte`.
    @inline(__always)
    static func hasByte(_ word: UInt64, _ byte: UInt8) -> Bool {
        hasZeroByte(word ^ (ones &* UInt64(byte)))
    }

    /// Whether any of the eight bytes of `word` is below `limit` (at most 128).
    ///
    /// Exact about whether, not about which.
    @inline(__always)
    static func hasByteBelow(_ word: UInt64, _ limit: UInt8) -> Bool {
        (word &- ones &* UInt64(limit)) & ~word & highs != 0
    }

    /// The bytes of `word` equal to `byte`, each flagged by its high bit.
    ///
    /// Exact: no carry from one byte reaches the next.
    @inline(__always)
    static func bytes(equalTo byte: UInt8, in word: UInt64) -> UInt64 {
        let difference = word ^ (ones &* UInt64(byte))
        return ~(((difference & ~highs) &+ ~highs) | difference) & highs
    }

    /// The bytes of `word` that are zero, flagged by their high bit.
    ///
    /// Perhaps some 0x01 bytes just above a zero byte too: every zero byte is
    /// flagged, so a test for a pattern of zeros never misses one.
    @inline(__always)
    private static func zeroBytes(_ word: UInt64) -> UInt64 {
        (word &- ones) & ~word & highs
    }

    /// Copies prose from `source` at `index` to `destination` at `written`, advancing both.
    ///
    /// It copies as long as collapsing white space would leave the text as it is: the rest of a
    /// word, and further words after single spaces, up to the first byte that ends a word where the
    /// copy cannot go on (other white space, a second space, 0xC2, which leads a no-break space)
    /// or, copying eight bytes at a time, a little before it. What it copies ends in a word byte.
    /// Text writing and white space collapsing spend most of their time here.
    ///
    /// To be called inside a word. The two buffers may be one when `written`
    /// is not ahead of `index`; else `destination` needs room for
    /// `written - index` bytes past the source's length.
    @inline(__always)
    static func copyProse(from source: UnsafeBufferPointer<UInt8>, at index: inout Int,
                          to destination: UnsafeMutableBufferPointer<UInt8>, at written: inout Int,
                          lowercasingASCII: Bool = false) {
        let count = source.count
        if let from = source.baseAddress, let to = destination.baseAddress {
            let raw = UnsafeRawPointer(from), target = UnsafeMutableRawPointer(to)
            let spaces = ones &* 0x20
            while index + 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let spaceBytes = zeroBytes(word ^ spaces)
                // No control byte or 0xC2, no two spaces in a row, and the
                // last byte not a space, which the next might follow.
                if hasByteBelow(word, 0x20) || hasByte(word, 0xC2) || spaceBytes & (spaceBytes >> 8) != 0
                    || word >> 56 == 0x20
                {
                    break
                }
                target.storeBytes(of: lowercasingASCII ? lowercasedASCII(word) : word, toByteOffset: written,
                                  as: UInt64.self)
                index &+= 8
                written &+= 8
            }
        }
        while index < count {
            let byte = source[index]
            guard byte > 0x20, byte != 0xC2 else { return }
            destination[written] = lowercasingASCII && byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            written &+= 1
            index &+= 1
        }
    }

    /// `word` with its ASCII capitals (0x41 to 0x5A) made small.
    @inline(__always)
    static func lowercasedASCII(_ word: UInt64) -> UInt64 {
        // Added to the low seven bits of a byte, these set its high bit
        // from "A" and from past "Z" on; no sum carries into the next byte.
        let low = word & ~highs
        let fromA = low &+ ones &* (0x80 - 0x41)
        let pastZ = low &+ ones &* (0x80 - 0x5B)
        let capitals = (fromA ^ pastZ) & ~word & highs
        return word | capitals >> 2
    }

    /// The index of the first `byte` in `bytes` from `start` on, found by `memchr`.
    ///
    /// The C library's `memchr` reads a vector register at a time: markup
    /// scans look for `<` in every byte of an input.
    static func firstIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = bytes.baseAddress, start < bytes.count else { return nil }
        guard let found = memchr(base + start, Int32(byte), bytes.count - start) else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }

    /// The index of the first of `a`, `b` (or `c`) in `bytes` from `start` on, eight bytes at a time.
    ///
    /// The markup scans that mask prose look for the next `<` or `&`, or the next `>` or quote.
    static func firstIndex(of a: UInt8, _ b: UInt8, _ c: UInt8? = nil, in bytes: UnsafeBufferPointer<UInt8>,
                           from start: Int) -> Int? {
        let c = c ?? a
        var index = start
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= bytes.count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                if hasByte(word, a) || hasByte(word, b) || hasByte(word, c) { break }
                index += 8
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == a || byte == b || byte == c { return index }
            index += 1
        }
        return nil
    }

    /// Whether `needle` occurs in `haystack`.
    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        offset(of: needle, in: haystack) != nil
    }

    /// Where `needle` first occurs in `haystack`: its rarest byte found by `memchr`, the whole by `memcmp`.
    ///
    /// The rules look for dozens of phrases in every short block: `memchr` skips to
    /// candidates a vector register at a time where a byte loop compares every byte. Phrases
    /// often open with a space or a common letter, which stops `memchr` at every word; a rarer
    /// byte of the phrase stops it at few places. The candidates come in order, so the first
    /// match is the leftmost.
    static func offset(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !needle.isEmpty else { return 0 }
        guard haystack.count >= needle.count, let base = haystack.baseAddress, let phrase = needle.baseAddress else {
            return nil
        }
        // The first of the rarest bytes.
        var pivot = 0, pivotCommonness = commonness(needle[0])
        var index = 1
        while pivotCommonness > 0, index < needle.count {
            let candidate = commonness(needle[index])
            if candidate < pivotCommonness { (pivot, pivotCommonness) = (index, candidate) }
            index += 1
        }
        let byte = Int32(needle[pivot])
        // Where a match may start: no later than `lastStart`.
        let lastStart = haystack.count - needle.count
        // The phrase's first and last bytes turn most candidates away before a `memcmp`.
        let first = needle[0], last = needle[needle.count - 1]
        var start = 0
        while start <= lastStart, let found = memchr(base + start + pivot, byte, lastStart - start + 1) {
            let candidate = UnsafeRawPointer(found) - UnsafeRawPointer(base + pivot)
            if haystack[candidate] == first, haystack[candidate + needle.count - 1] == last,
               memcmp(base + candidate, phrase, needle.count) == 0
            {
                return candidate
            }
            start = candidate + 1
        }
        return nil
    }

    /// How common `byte` is in the lowercase text the rules search, 0 (rare) to 3 (the space).
    ///
    /// The commonest letters ("etaoinshr") count 2, the next ("cdlu") 1, other bytes 0.
    @inline(__always)
    private static func commonness(_ byte: UInt8) -> Int {
        if byte == 0x20 { return 3 }
        guard byte >= 0x60, byte < 0x80 else { return 0 }
        // Bit n for the byte 0x60 + n.
        let commonest: UInt32 = 0x1CC322, common: UInt32 = 0x201018
        let bit = UInt32(byte - 0x60)
        return Int(commonest >> bit & 1) * 2 + Int(common >> bit & 1)
    }
}
