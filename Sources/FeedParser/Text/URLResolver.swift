#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Resolves the relative URLs of feeds against `xml:base` or the feed's own URL.
enum URLResolver {
    /// `reference` made absolute against `base`, or unchanged.
    /// Unchanged when it is already absolute, when there is no base, when the
    /// base has a scheme other than http or https (`javascript:…//` would make
    /// every relative link a script, and a `file:` link means nothing to a
    /// reader), or when either does not parse.
    static func resolve(_ reference: String, against base: String?) -> String {
        let reference = reference.trimmingXMLWhitespace()
        guard let base, !hasScheme(reference), isWebURL(base) || !hasScheme(base) else { return reference }
        if let resolved = PlainURLResolver.resolve(reference, against: base) { return resolved }
        guard let baseURL = URL(string: base),
              let resolved = URL(string: reference, relativeTo: baseURL)?.absoluteString
        else { return reference }
        return resolved
    }

    /// Whether `text` is an absolute http or https URL.
    static func isWebURL(_ text: String) -> Bool {
        let lowered = text.prefix(8).lowercased()
        return lowered.hasPrefix("http://") || lowered.hasPrefix("https://")
    }

    /// Whether the reference starts with a scheme (`https:`, `mailto:`), checked without building a URL:
    /// most feed links are absolute.
    static func hasScheme(_ reference: String) -> Bool {
        for (offset, byte) in reference.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: ":"):
                return offset > 0
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                continue
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                if offset == 0 { return false }
            default:
                return false
            }
        }
        return false
    }
}
