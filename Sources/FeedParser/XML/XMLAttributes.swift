/// The attributes of one element as libxml2 reported them, with names already turned into enums.
/// Values are decoded only when asked for.
struct XMLAttributes {
    struct Attribute {
        var name: LocalName
        var namespace: Namespace
        /// The name as written, for re-serialising markup.
        var rawName: UnsafePointer<UInt8>
        /// The value as libxml2 reports it, every `&` written as `&#38;`.
        ///
        /// Without entity substitution, libxml2 writes every `&` of an attribute value (`&amp;`,
        /// `&#38;`) as the five characters `&#38;`, which `withDecodedValue` undoes.
        var rawValue: UnsafeBufferPointer<UInt8>

        /// Calls `body` with the value's UTF-8 bytes, each `&#38;` turned back into `&`.
        /// A value without any is passed as it is, uncopied.
        func withDecodedValue<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
            guard rawValue.contains(UInt8(ascii: "&")) else { return body(rawValue) }
            let marker = Array("&#38;".utf8)
            var bytes: [UInt8] = []
            bytes.reserveCapacity(rawValue.count)
            var index = 0
            while index < rawValue.count {
                if rawValue[index] == UInt8(ascii: "&"), index + marker.count <= rawValue.count,
                   rawValue[index..<(index + marker.count)].elementsEqual(marker)
                {
                    bytes.append(UInt8(ascii: "&"))
                    index += marker.count
                } else {
                    bytes.append(rawValue[index])
                    index += 1
                }
            }
            return bytes.withUnsafeBufferPointer(body)
        }
    }

    let list: [Attribute]

    /// The value of the attribute `name` in `namespace` (`.none` for plain attributes such as `href`), or nil.
    func value(_ name: LocalName, namespace: Namespace = .none) -> String? {
        for attribute in list where attribute.name == name && attribute.namespace == namespace {
            return attribute.withDecodedValue { String(decoding: $0, as: UTF8.self) }
        }
        return nil
    }

    /// The value of `name`, trimmed and lowercased, or nil when absent or empty.
    /// For attributes such as `type` and `rel` that compare case-insensitively.
    func keyword(_ name: LocalName) -> String? {
        guard let value = value(name)?.trimmedOrNil else { return nil }
        return value.lowercased()
    }
}

extension String {
    /// The string without leading and trailing white space, or nil when that leaves nothing.
    var trimmedOrNil: String? {
        let trimmed = trimmingXMLWhitespace()
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The string without leading and trailing spaces, tabs and line breaks.
    func trimmingXMLWhitespace() -> String {
        let utf8 = self.utf8
        // Most strings need no trimming, which the two ends tell at once.
        if let first = utf8.first, let last = utf8.last, !first.isFeedWhitespace, !last.isFeedWhitespace {
            return self
        }
        guard let first = utf8.firstIndex(where: { !$0.isFeedWhitespace }) else { return "" }
        let last = utf8.lastIndex(where: { !$0.isFeedWhitespace })!
        if first == utf8.startIndex && last == utf8.index(before: utf8.endIndex) { return self }
        return String(self[first..<utf8.index(after: last)])
    }
}

extension UInt8 {
    /// Space, tab, CR or LF.
    var isFeedWhitespace: Bool { self == 0x20 || self == 0x0A || self == 0x0D || self == 0x09 }
}
