/// Reads an element's inline `style` attribute for what hides it.
enum InlineStyle {
    /// Whether `style` holds `display: none` or `visibility: hidden`, in any case and spacing.
    ///
    /// Pages carry an inline style on many elements and the passes ask for
    /// each: an ASCII value (nearly all) is read once as bytes, where
    /// lowercasing and filtering a string would make two and search them
    /// by Character.
    static func hides(_ style: String) -> Bool {
        let answer: Bool? = style.withBytes { bytes in
            var found = false
            for (index, byte) in bytes.enumerated() {
                if byte >= 0x80 { return nil }
                if !found, byte | 0x20 == UInt8(ascii: "d") {
                    found = matches("display:none", in: bytes, from: index)
                } else if !found, byte | 0x20 == UInt8(ascii: "v") {
                    found = matches("visibility:hidden", in: bytes, from: index)
                }
            }
            return found
        }
        if let answer { return answer }
        // Other scripts: what a Character search finds, as it was always read.
        let squeezed = style.lowercased().filter { !$0.isWhitespace }
        return squeezed.contains("display:none") || squeezed.contains("visibility:hidden")
    }

    /// Whether `needle` (lowercase ASCII) starts at `start` in `bytes`.
    ///
    /// ASCII white space is skipped and letters match in any case.
    private static func matches(_ needle: StaticString, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        var index = start
        for offset in 0..<needle.utf8CodeUnitCount {
            while index < bytes.count, bytes[index] == 0x20 || (0x09...0x0D).contains(bytes[index]) { index += 1 }
            guard index < bytes.count else { return false }
            let byte = bytes[index]
            let lower = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
            guard lower == needle.utf8Start[offset] else { return false }
            index += 1
        }
        return true
    }
}
