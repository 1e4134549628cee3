/// Reads an element's inline `style` attribute for what hides it.
enum InlineStyle {
    /// Whether `style` holds `display: none` or `visibility: hidden`, in
    /// any letter case and spacing.
    ///
    /// Pages carry an inline style on many elements and the passes ask for
    /// each: an ASCII value (nearly all) is read as bytes, lowercased and
    /// without white space, where lowercasing and filtering a string would
    /// make two and search them by Character.
    static func hides(_ style: String) -> Bool {
        let answer: Bool? = style.withBytes { bytes in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { squeezed in
                var count = 0
                for byte in bytes where byte != 0x20 && !(0x09...0x0D).contains(byte) {
                    squeezed[count] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
                    count += 1
                }
                let text = UnsafeBufferPointer(rebasing: squeezed[..<count])
                return contains(text, "display:none") || contains(text, "visibility:hidden")
            }
        }
        if let answer { return answer }
        // Other scripts: what a Character search finds, as it was always read.
        let squeezed = style.lowercased().filter { !$0.isWhitespace }
        return squeezed.contains("display:none") || squeezed.contains("visibility:hidden")
    }

    private static func contains(_ text: UnsafeBufferPointer<UInt8>, _ needle: StaticString) -> Bool {
        ByteSearch.contains(text, UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount))
    }
}
