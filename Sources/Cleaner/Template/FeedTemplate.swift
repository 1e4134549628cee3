/// The blocks a feed repeats word for word in most of its entries, so the cleaner can drop them.
///
/// They are a signature, a sponsor line, a standard footer: boilerplate no class names and no
/// phrase list knows, learned from the feed's entries.
///
/// Only identical blocks count (`TemplateBlock`): a paragraph that has the
/// same shape in every entry but another version, count, name or link is the
/// entry's own text. `TemplatePass` removes template blocks only at the
/// entry's edges or as a whole repeated section, never most of an entry.
public struct FeedTemplate: Sendable, Equatable {
    /// The `rule` of the records of removed template blocks (`Removal.rule`).
    public static let removalRule = "feed-template"
    /// The `rule` of the record of an entry kept whole because its template blocks were too much of it.
    public static let keptRule = "feed-template-kept"

    /// Fingerprints of the repeated blocks (`TemplateBlock.fingerprint`).
    ///
    /// Small enough to keep per feed.
    public var fingerprints: Set<UInt64>
    /// Fingerprints of the repeated sections: runs of template blocks most entries hold as one unit.
    ///
    /// A section is at least two template blocks, in the middle of entries; its fingerprint is the
    /// hash of the run's block fingerprints in order.
    public var sections: Set<UInt64>

    /// A template holding these blocks and sections.
    public init(fingerprints: Set<UInt64>, sections: Set<UInt64> = []) {
        self.fingerprints = fingerprints
        self.sections = sections
    }

    /// Learns the template of a feed from the HTML (or text) of its entries.
    /// A block (or a section) is part of the template when at least
    /// `minimumShare` of the entries, and at least `minimumEntries` of them,
    /// contain it.
    public init(learningFrom entries: [String], minimumShare: Double = 0.6, minimumEntries: Int = 3) {
        let cleaner = Cleaner()
        self.init(learningFrom: entries.map(cleaner.parse), minimumShare: minimumShare, minimumEntries: minimumEntries)
    }

    /// Learns the template from entries already parsed by `Cleaner.parse(_:)`.
    public init(learningFrom entries: [ParsedArticle], minimumShare: Double = 0.6, minimumEntries: Int = 3) {
        let needed = max(minimumEntries, Int((Double(entries.count) * minimumShare).rounded(.up)))
        let keys = entries.map { entry in TemplateBlock.blocks(of: entry.tree).map(\.key) }
        let fingerprints = Self.repeated(keys.map { Set($0.map(\.fingerprint)) }, needed: needed)
        let sections = keys.map { Set(Self.middleSections(of: $0, template: fingerprints)) }
        self.init(fingerprints: fingerprints, sections: Self.repeated(sections, needed: needed))
    }

    /// Whether the template holds no block.
    public var isEmpty: Bool { fingerprints.isEmpty }

    /// The values found in at least `needed` of the sets.
    private static func repeated(_ sets: [Set<UInt64>], needed: Int) -> Set<UInt64> {
        var counts: [UInt64: Int] = [:]
        for set in sets {
            for value in set { counts[value, default: 0] += 1 }
        }
        return Set(counts.filter { $0.value >= needed }.keys)
    }

    /// The section fingerprints of the middle runs of template blocks in an entry whose blocks have `keys`.
    ///
    /// Middle runs touch neither end of the entry. Each run loses the labels that end it
    /// (`withoutTrailingLabels`) and counts only when two blocks or more are left.
    static func middleSections(of keys: [TemplateBlock], template: Set<UInt64>) -> [UInt64] {
        let fingerprints = keys.map(\.fingerprint)
        return runs(of: fingerprints, template: template).compactMap { run in
            guard run.lowerBound > 0, run.upperBound < keys.count else { return nil }
            let section = withoutTrailingLabels(run, of: keys)
            return section.count >= 2 ? sectionFingerprint(fingerprints[section]) : nil
        }
    }

    /// `run` without the headings and "…:" labels at its end.
    ///
    /// The same in every entry, they introduce the block after the run, the entry's own ("In this
    /// episode we cover:" and the episode's list), and go only with what they introduce.
    static func withoutTrailingLabels(_ run: Range<Int>, of keys: [TemplateBlock]) -> Range<Int> {
        var run = run
        while let last = run.last, keys[last].introducesNext { run = run.dropLast() }
        return run
    }

    /// The maximal runs of consecutive blocks whose keys are in `template`.
    static func runs(of keys: [UInt64], template: Set<UInt64>) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var start: Int?
        for (index, key) in keys.enumerated() {
            if template.contains(key) {
                if start == nil { start = index }
            } else if let first = start {
                runs.append(first..<index)
                start = nil
            }
        }
        if let start { runs.append(start..<keys.count) }
        return runs
    }

    /// The fingerprint of a section: its blocks' fingerprints in order.
    static func sectionFingerprint(_ keys: ArraySlice<UInt64>) -> UInt64 {
        var hash = FNV1a()
        for key in keys { hash.add(number: key) }
        return hash.value
    }
}
