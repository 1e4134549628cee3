/// Short blocks that are boilerplate wherever they stand between paragraphs.
///
/// The block is nothing but the call to action: a publisher's "Follow us"/contact line, a donation
/// appeal that names where to give, a listener's appeal to rate or share the podcast, a lone "Read the full post" link or "(Click for larger view)", a
/// "Download PDF" link (`DownloadLinks`) or a "Full coverage" link (`AggregatorLines`).
/// Longer blocks and prose that merely uses the words are left to the edge rules.
enum StandaloneLines {
    /// The longest block looked at, in UTF-8 bytes.
    static let maximumLength = 300

    /// The kind of a block that is such a line, or nil.
    static func kind(of block: Block) -> String? {
        // A heading with a link can be a call to action ("For other stories,
        // visit <a>example.org</a>"); one without titles a section.
        guard block.length <= maximumLength, !block.isHeading || block.linkTextLength > 0,
              mayBeSuchALine(block.text, linkDensity: block.linkDensity)
        else { return nil }
        return kind(ofKey: block.key, linkDensity: block.linkDensity)
    }

    /// The kind of a line of text that is such a line, or nil.
    static func kind(of text: String, linkDensity: Double) -> String? {
        guard mayBeSuchALine(text, linkDensity: linkDensity) else { return nil }
        return kind(ofKey: BoundaryText.normalized(text), linkDensity: linkDensity)
    }

    /// Whether a line is short and has a link or opens like a call to action: the rules need its key.
    private static func mayBeSuchALine(_ text: String, linkDensity: Double) -> Bool {
        text.utf8.count <= maximumLength && (linkDensity > 0 || text.withBytes({ mayBeCallToAction(ArraySlice($0)) }))
    }

    /// The kind of a line, given as `BoundaryText.normalized` writes it, that is such a line, or nil.
    private static func kind(ofKey key: String, linkDensity: Double) -> String? {
        // Statements, not one chain of `??`: the chain took the type checker 1.7 s.
        if let kind = ReadMorePrompts.standaloneKind(of: key, linkDensity: linkDensity)
            ?? FollowLines.standaloneKind(of: key, linkDensity: linkDensity)
            ?? DonationPrompts.standaloneKind(of: key, linkDensity: linkDensity)
            ?? ShareBars.standaloneKind(of: key, linkDensity: linkDensity)
        {
            return kind
        }
        if linkDensity > 0 && PodcastPlatforms.matches(key) || PodcastPlatforms.isStandaloneAppeal(key) {
            return "podcast links"
        }
        if let kind = linkKind(of: key, linkDensity: linkDensity)
            ?? SponsorSegments.standaloneKind(of: key, linkDensity: linkDensity)
        {
            return kind
        }
        return linkDensity > 0 && EdgeNoise.isClickHerePrompt(key) ? "read-in-full prompt" : nil
    }

    /// The kind of a short block that is mostly a "Download PDF" or "Full coverage" link, or nil.
    private static func linkKind(of key: String, linkDensity: Double) -> String? {
        if DownloadLinks.matches(key, linkDensity: linkDensity) { return DownloadLinks.kind }
        if AggregatorLines.isCoverageLink(key, linkDensity: linkDensity) { return AggregatorLines.kind }
        return nil
    }

    /// Openings of the calls to action without a link, lowercase, by their first byte.
    ///
    /// A quick look at the raw text settles most blocks of prose before any is lowercased.
    private static let callOpenings = Openings(
        FollowLines.invitations + DonationPrompts.openings + Array(DonationPrompts.labels)
            + Array(EdgeNoise.socialNetworkNames.map(String.init)) + SponsorSegments.promoOpenings + ImageZoomLabels.openings
            + PodcastPlatforms.appealOpenings + DonationPrompts.boostOpenings + FollowLines.newsChannelCalls
            + ["follow @", "subscribe to ", "for other ", "for more ", "(click", "click ", "tap ", "we also have ", "we have a ", "so ", "and ", "you should ", "you can "])

    /// Whether raw text could be a call to action without a link.
    ///
    /// It could when it holds an "@" (a handle, an e-mail address) or opens like one.
    private static func mayBeCallToAction(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard let first = bytes.first else { return false }
        if bytes.withUnsafeBufferPointer({ ByteSearch.firstIndex(of: UInt8(ascii: "@"), in: $0, from: 0) != nil })
            || containsAddress(bytes)
        {
            return true
        }
        // Show notes open lines with bullets, arrows or emoji (in UTF-8 from
        // C2, E2 or F0, or ASCII punctuation): look past them.
        if first == 0xC2 || first == 0xE2 || first == 0xF0
            || first < 0x80 && !(first >= 0x30 && first <= 0x39 || (first | 0x20) >= 0x61 && (first | 0x20) <= 0x7A)
        {
            let text = FollowLines.withoutLeadingSymbols(String(decoding: bytes.prefix(48), as: UTF8.self))
            if let letter = text.utf8.first, letter != first, letter < 0x80 {
                return mayBeCallToAction(ArraySlice(text.utf8))
            }
        }
        return callOpenings.openCaseInsensitively(bytes)
    }

    /// Whether raw text holds "://", a web address a plain-text call to action gives without a link.
    private static func containsAddress(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { haystack in "://".withBytes { ByteSearch.contains(haystack, $0) } }
    }

    /// Removes calls to action from a block of `<br>`-separated lines, when other lines stay.
    ///
    /// Podcast show notes often put "Follow us on …" and "Support us on Patreon" on lines of one
    /// paragraph. A "Follow us:" label goes with the networks on the lines under it, and a
    /// "Sponsors:" label with the ad lines under it (a link, an address or an offer each). When
    /// `mayTakeAll` (the block is less than half the article), a block that is only such a
    /// section goes whole.
    static func removeLines(of block: Block, in tree: inout HTMLTree, removals: inout [Removal], mayTakeAll: Bool = false) {
        guard block.lines.count > 1, !block.isHeading,
              // Link density counts only once the line's nodes are known: at
              // most every line is link text.
              block.lines.contains(where: {
                  kind(of: $0, linkDensity: 1) != nil || FollowLines.isSectionLabel($0) || SponsorSegments.isLabelLine($0)
              }),
              let lines = BlockLines(of: block, in: tree)
        else { return }
        var found: [(Int, String)] = []
        var inFollowSection = false, inSponsorSection = false
        let isLabel = { (text: String) in FollowLines.isSectionLabel(text) || SponsorSegments.isLabelLine(text) }
        for (index, line) in lines.lines.enumerated() {
            if FollowLines.isSectionLabel(line.text) {
                (inFollowSection, inSponsorSection) = (true, false)
                found.append((index, FollowLines.kind))
            } else if SponsorSegments.isLabelLine(line.text) {
                (inFollowSection, inSponsorSection) = (false, true)
                found.append((index, EdgeNoise.sponsorMessage))
            } else if inFollowSection, FollowLines.isSectionEntry(line.text, linkDensity: line.linkDensity) {
                found.append((index, FollowLines.kind))
            } else if inSponsorSection, SponsorSegments.isAdCopyLine(line.text, linkDensity: line.linkDensity) {
                found.append((index, EdgeNoise.sponsorMessage))
            } else if let what = kind(of: line.text, linkDensity: line.linkDensity) {
                (inFollowSection, inSponsorSection) = (false, false)
                found.append((index, what))
            } else {
                (inFollowSection, inSponsorSection) = (false, false)
            }
        }
        // A label with nothing under it is a sentence of the article.
        let taken = Set(found.map(\.0))
        found.removeAll { entry in
            isLabel(lines.lines[entry.0].text) && !(taken.contains(entry.0 + 1) && !isLabel(lines.lines[entry.0 + 1].text))
        }
        let isOnlyAFollowSection = mayTakeAll && found.count == lines.lines.count && FollowLines.isSectionLabel(lines.lines[0].text)
        guard !found.isEmpty, found.count < lines.lines.count || isOnlyAFollowSection else { return }
        for (index, what) in found {
            lines.remove(index, atHead: index < lines.lines.count - 1, from: &tree,
                         keepingMedia: what == ImageZoomLabels.kind)
            removals.append(Removal(what: "inline: \(what) (line)", chars: lines.lines[index].text.count,
                                    text: lines.lines[index].text))
        }
    }
}
