extension String {
    /// The string UTF-8 `bytes` spell, repaired as `String(decoding:as:)` repairs them, but faster.
    /// Invalid sequences are repaired exactly as there; it is made faster for
    /// long text that is mostly ASCII, as feed articles are.
    ///
    /// `String(decoding:as:)` checks an all-ASCII buffer eight bytes at a
    /// time, but once it meets one non-ASCII byte it validates the rest byte
    /// by byte, which costs more than everything else done to an article.
    /// So long text is decoded in stretches: each ASCII stretch on the fast
    /// path, each run of non-ASCII bytes on its own. ASCII bytes never belong
    /// to a multi-byte sequence, so the pieces decode as the whole would.
    init(utf8Text bytes: UnsafeBufferPointer<UInt8>) {
        // Below this, the pieces cost more than validating byte by byte.
        let stretchingThreshold = 256
        guard bytes.count >= stretchingThreshold, let start = bytes.baseAddress,
              let firstNonASCII = Self.nextNonASCII(in: bytes, from: 0)
        else {
            self.init(decoding: bytes, as: UTF8.self)
            return
        }
        var text = String()
        text.reserveCapacity(bytes.count)
        var index = 0
        var nonASCII: Int? = firstNonASCII
        while let runStart = nonASCII {
            if runStart > index {
                text.append(String(decoding: UnsafeBufferPointer(start: start + index, count: runStart - index),
                                   as: UTF8.self))
            }
            var runEnd = runStart + 1
            while runEnd < bytes.count, bytes[runEnd] >= 0x80 { runEnd += 1 }
            text.append(String(decoding: UnsafeBufferPointer(start: start + runStart, count: runEnd - runStart),
                               as: UTF8.self))
            index = runEnd
            nonASCII = Self.nextNonASCII(in: bytes, from: index)
        }
        if index < bytes.count {
            text.append(String(decoding: UnsafeBufferPointer(start: start + index, count: bytes.count - index),
                               as: UTF8.self))
        }
        self = text
    }

    /// The index of the first byte at or after `index` that is not ASCII; nil when there is none.
    /// It looks at eight bytes at a time.
    private static func nextNonASCII(in bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Int? {
        guard let start = bytes.baseAddress else { return nil }
        let raw = UnsafeRawPointer(start)
        var index = index
        while index &+ 8 <= bytes.count {
            let high = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080
            if high != 0 { return index &+ high.trailingZeroBitCount &>> 3 }
            index &+= 8
        }
        while index < bytes.count {
            if bytes[index] >= 0x80 { return index }
            index += 1
        }
        return nil
    }
}
