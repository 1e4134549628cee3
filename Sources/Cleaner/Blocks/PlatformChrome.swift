/// Lines that a page's media player leaves in a feed's copy of a post, found by shape.
///
/// The player's bare time labels ("0:00", "/0:32", "0:00 / 3:12").
///
/// `EdgeNoise` asks it about the blocks at the edges only; a chapter list
/// ("0:00 Intro") or a time in a sentence is no such line.
enum PlatformChrome {
    /// Whether `key` (normalised by `BoundaryText.normalized`) is such a line.
    static func matches(_ key: String) -> Bool {
        key.utf8.count <= 24 && isPlayerTime(Array(key.utf8))
    }

    /// "0:00", "/0:32", "0:00 / 3:12", "1:02:03": times and slashes only.
    private static func isPlayerTime(_ bytes: [UInt8]) -> Bool {
        bytes.allSatisfy { isDigit($0) || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: " ") }
            && hasClockTime(bytes)
    }

    /// Whether `bytes` hold a time of day or a duration: a digit, ":", two digits.
    private static func hasClockTime(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 4 else { return false }
        return (1..<(bytes.count - 2)).contains { index in
            bytes[index] == UInt8(ascii: ":") && isDigit(bytes[index - 1]) && isDigit(bytes[index + 1])
                && isDigit(bytes[index + 2])
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
