/// The blocks a feed repeats in most of its entries (a signature, a sponsor
/// line, a standard footer), learned from the feed's entries so that the
/// cleaner can drop them: boilerplate no class names and no phrase list knows.
public struct FeedTemplate: Sendable, Equatable {
    /// Fingerprints of the repeated blocks (hashes of their normalised
    /// text); small enough to keep per feed in the state store.
    public var fingerprints: Set<UInt64>

    /// A template holding these fingerprints.
    public init(fingerprints: Set<UInt64>) {
        self.fingerprints = fingerprints
    }

    /// Learns the template of a feed from the HTML (or text) of its entries.
    /// A block is part of the template when at least `minimumShare` of the
    /// entries, and at least `minimumEntries` of them, contain it.
    public init(learningFrom entries: [String], minimumShare: Double = 0.6, minimumEntries: Int = 3) {
        let cleaner = Cleaner()
        self.init(learningFrom: entries.map(cleaner.parse), minimumShare: minimumShare, minimumEntries: minimumEntries)
    }

    /// Learns the template from entries already parsed by `Cleaner.parse(_:)`.
    public init(learningFrom entries: [ParsedArticle], minimumShare: Double = 0.6, minimumEntries: Int = 3) {
        var counts: [UInt64: Int] = [:]
        for entry in entries {
            for fingerprint in Set(Self.fingerprints(of: entry.tree)) {
                counts[fingerprint, default: 0] += 1
            }
        }
        let needed = max(minimumEntries, Int((Double(entries.count) * minimumShare).rounded(.up)))
        fingerprints = Set(counts.filter { $0.value >= needed }.keys)
    }

    /// Whether the template holds no block.
    public var isEmpty: Bool { fingerprints.isEmpty }

    static func fingerprints(of tree: HTMLTree) -> [UInt64] {
        BlockSegmenter.blocks(of: tree).compactMap { fingerprint(of: $0.text) }
    }

    /// The FNV-1a hash of the block's lowercase text, digits dropped (so
    /// "© 2024" and "© 2025" match); nil for blocks of fewer than 12
    /// characters, too short to tell.
    static func fingerprint(of text: String) -> UInt64? {
        guard !text.dropFirst(11).isEmpty else { return nil }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func add(_ byte: UInt8) {
            if !(byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            }
        }
        // Lowercased a scalar at a time, as `String.lowercased()` does,
        // without making a new string: ASCII by hand, others by their mapping.
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let byte = UInt8(scalar.value)
                add(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 0x20 : byte)
            } else {
                for byte in scalar.properties.lowercaseMapping.utf8 { add(byte) }
            }
        }
        return hash
    }
}
