/// Substring search on UTF-8 bytes. The rules look for ASCII phrases in
/// lowercased keys and URLs, where a byte match says what a Character match
/// says; the standard library's generic `contains(_:)` walks Characters and
/// costs about a hundred times as much on a paragraph.
extension StringProtocol {
    /// Whether the UTF-8 bytes of `needle` occur in the string's.
    func containsBytes(of needle: String) -> Bool {
        withBytes { haystack in needle.withBytes { ByteSearch.contains(haystack, $0) } }
    }

    /// Calls `body` with the string's UTF-8 bytes, without copying them
    /// when the string is stored contiguously (native strings always are).
    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(utf8).withUnsafeBufferPointer(body)
    }
}

/// Byte-level search primitives.
enum ByteSearch {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Whether any of the eight bytes of `word` is zero (the classic bit
    /// trick: exact about whether, not about which).
    @inline(__always)
    static func hasZeroByte(_ word: UInt64) -> Bool {
        (word &- ones) & ~word & highs != 0
    }

    /// Whether any of the eight bytes of `word` is `byte`.
    @inline(__always)
    static func hasByte(_ word: UInt64, _ byte: UInt8) -> Bool {
        hasZeroByte(word ^ (ones &* UInt64(byte)))
    }

    /// The index of the first `byte` in `bytes` from `start` on, found eight
    /// bytes at a time: markup scans look for `<` in every byte of an input.
    static func firstIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= bytes.count, !hasByte(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self), byte) {
                index += 8
            }
        }
        while index < bytes.count {
            if bytes[index] == byte { return index }
            index += 1
        }
        return nil
    }

    /// Whether `needle` occurs in `haystack`.
    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = needle.first else { return true }
        guard haystack.count >= needle.count else { return false }
        var start = 0
        let last = haystack.count - needle.count
        while start <= last {
            if haystack[start] == first {
                var offset = 1
                while offset < needle.count, haystack[start + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            start += 1
        }
        return false
    }
}
