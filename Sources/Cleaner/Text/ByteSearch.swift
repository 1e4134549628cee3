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
