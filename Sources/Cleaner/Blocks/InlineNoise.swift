/// Removes the boilerplate that sits between paragraphs as well as at the edges.
///
/// That is lone ad labels ("Advertisement", "Anzeige"), labelled link lists ("Read more: <a>…</a>,
/// <a>…</a>", or a label over a list of links), sections under a sponsor heading that hold only ad
/// copy, "To read this article in full, please click here" captions and image hints
/// (`ImageZoomLabels`). Each goes as a whole block (or caption), and none that holds half of the
/// article's text; an image hint goes even then, and its images stay.
enum InlineNoise {
    /// The longest label block, in UTF-8 bytes.
    static let maximumLabelLength = 48

    /// Removes such blocks from the tree and from `blocks`.
    static func remove(from blocks: inout [Block], in tree: inout HTMLTree, removals: inout [Removal]) {
        guard blocks.count > 1 else { return }
        let total = blocks.reduce(0) { $0 + $1.length }
        var removed: Set<Int> = []
        var index = 0
        while index < blocks.count {
            let block = blocks[index]
            defer { index += 1 }
            if block.element == "figure" {
                // The figure's text is its caption: once the caption is
                // gone, its text no longer says what the figure is.
                if removeReadInFullCaption(of: block, in: &tree, removals: &removals) { removed.insert(index) }
                PlatformChrome.removePlayerLabels(of: block, in: &tree, removals: &removals)
                ImageZoomLabels.removeLabels(of: block, in: &tree, removals: &removals)
                continue
            }
            // An image hint goes even from an entry that is little more than
            // its image: the hint is no text of the article, and the image stays.
            if let what = kind(of: block), block.length * 2 < total || what == ImageZoomLabels.kind,
               what != ImageZoomLabels.kind || !block.isHeading,
               what != EdgeNoise.linkList || !isListItemsOwnLinks(block, in: tree)
            {
                if what == ImageZoomLabels.kind {
                    ImageZoomLabels.removeText(of: block.nodes, in: &tree)
                } else {
                    block.nodes.forEach { tree.remove($0) }
                }
                removals.append(Removal(what: "inline: \(what)", chars: block.text.count, text: block.text))
                removed.insert(index)
                continue
            }
            // A label over a list of links to other posts ("Related:", "More of our coverage:"),
            // or over a list of podcast platforms ("Subscribe", "Pocket Casts", "Spotify").
            if index > 0, let (count, what) = RelatedLinks.listSection(at: index, in: blocks).map({ ($0, RelatedLinks.kind) })
                ?? PodcastPlatforms.listSection(at: index, in: blocks).map({ ($0, "podcast links") }),
               blocks[index..<(index + count)].reduce(0, { $0 + $1.length }) * 2 < total
            {
                let section = blocks[index..<(index + count)]
                section.forEach { $0.nodes.forEach { tree.remove($0) } }
                removed.formUnion(section.indices)
                removals.append(Removal(what: "inline: \(what) from \"\(block.text.prefix(40))\"",
                                        chars: section.reduce(0) { $0 + $1.text.count },
                                        text: section.map(\.text).joined(separator: " ")))
                index += count - 1
                continue
            }
            // A segment between paragraphs: those at the edges are the boundary pass's.
            let sponsorCount = index > 0 ? SponsorSegments.segment(at: index, in: blocks) : nil
            if index > 0, let count = sponsorCount ?? FollowLines.section(at: index, in: blocks),
               index + count < blocks.count,
               blocks[index..<(index + count)].reduce(0, { $0 + $1.length }) * 2 < total
            {
                let segment = blocks[index..<(index + count)]
                segment.forEach { $0.nodes.forEach { tree.remove($0) } }
                removed.formUnion(segment.indices)
                let what = sponsorCount == nil ? FollowLines.kind : EdgeNoise.sponsorMessage
                removals.append(Removal(what: "inline: \(what) from \"\(block.text.prefix(40))\"",
                                        chars: segment.reduce(0) { $0 + $1.text.count },
                                        text: segment.map(\.text).joined(separator: " ")))
                index += count - 1
                continue
            }
            StandaloneLines.removeLines(of: block, in: &tree, removals: &removals, mayTakeAll: block.length * 2 < total)
            guard block.isHeading, EdgeNoise.opensSponsorSection(block) else { continue }
            let copy = blocks[(index + 1)...].prefix(while: { !$0.isHeading })
            let chars = copy.reduce(block.length) { $0 + $1.length }
            guard !copy.isEmpty, copy.count <= EdgeNoise.maximumAdCopyBlocks, chars * 2 < total,
                  copy.allSatisfy({ EdgeNoise.isAdCopy($0, inSponsorSection: true) })
            else { continue }
            for (offset, part) in ([block] + copy).enumerated() {
                part.nodes.forEach { tree.remove($0) }
                removed.insert(index + offset)
            }
            removals.append(Removal(what: "inline: \(EdgeNoise.sponsorMessage) under \"\(block.text.prefix(40))\"",
                                    chars: ([block] + copy).reduce(0) { $0 + $1.text.count }))
            index += copy.count
        }
        guard !removed.isEmpty else { return }
        blocks = blocks.indices.filter { !removed.contains($0) }.map { blocks[$0] }
    }

    /// Whether `block` is the links of a list item that says more than them.
    ///
    /// A newsletter's item "More on device mapping" over three links, then a paragraph on what
    /// they are, is an item of the article's own list, not a list of other posts: the item's
    /// other text shows it.
    static func isListItemsOwnLinks(_ block: Block, in tree: HTMLTree) -> Bool {
        guard var current = block.nodes.first else { return false }
        for _ in 0..<listItemDepth where current >= 0 {
            if tree.nodes[current].name == "li" {
                return tree.textContent(of: current).count - block.text.count >= minimumListItemText
            }
            current = tree.nodes[current].parent
        }
        return false
    }

    /// How many levels up from a block its list item may be.
    private static let listItemDepth = 4
    /// How much text of its own, in characters, a list item holds beside its links to say more than them.
    private static let minimumListItemText = 60

    /// The kind of a block that is boilerplate wherever it stands, or nil.
    ///
    /// A lone ad label (not a heading: "Advertising" may title a section), a
    /// label followed by mostly links, a short line of podcast links ("You can
    /// download the m4a file or subscribe in iTunes"), a platform's widget line,
    /// or a note about the feed itself (`FeedFooter.isFeedNotice`).
    private static func kind(of block: Block) -> String? {
        if let what = StandaloneLines.kind(of: block) ?? SponsorSegments.taggedKind(of: block) { return what }
        if ImageZoomLabels.isLabelLines(block) { return ImageZoomLabels.kind }
        if PlatformChrome.isWidgetLine(block) { return "platform chrome" }
        if FeedFooter.isFeedNotice(block) { return "feed notice" }
        if block.length <= maximumLabelLength, !block.isHeading, block.linkDensity < 0.5 {
            let key = EdgeNoise.trimmedLabel(block.key)
            if EdgeNoise.adLabels.contains(key) { return "ad label" }
            return nil
        }
        guard block.linkDensity >= 0.5, block.length <= BoundaryText.maximumRuleLength,
              let first = block.bytes.first,
              linkListInitials.contains(first | 0x20) || first >= 0x80 || RelatedLinks.initials.contains(first | 0x20)
        else { return nil }
        let kind = block.verdicts.edgeNoise(of: block.key, linkDensity: block.linkDensity)
        // A short podcast-links line (mostly links) is never the article's prose.
        let isPodcastLinks = kind == "podcast links" && block.length <= maximumPodcastLinksLength
        return kind == EdgeNoise.linkList || isPodcastLinks ? kind : nil
    }

    /// The first letters (lowercase) of the link-list labels and podcast-links lines.
    private static let linkListInitials: Set<UInt8> = Set("rsmalpy".utf8)
    /// The longest podcast-links line removed between paragraphs, in UTF-8 bytes.
    static let maximumPodcastLinksLength = 200

    /// Removes a `<figcaption>` that only says "To read this article in full, please click here".
    ///
    /// The figure's image stays. Returns whether one went.
    private static func removeReadInFullCaption(of block: Block, in tree: inout HTMLTree,
                                                removals: inout [Removal]) -> Bool {
        // The caption is the figure's text: most say nothing about reading or clicking.
        guard let figure = block.nodes.first, block.length <= BoundaryText.maximumRuleLength else { return false }
        let key = block.key
        guard key.containsBytes(of: "read") || key.containsBytes(of: "click") else { return false }
        var removedOne = false
        for node in tree.descendants(of: figure) where tree.nodes[node].name == "figcaption" && !tree.isDetached(node) {
            let text = tree.textContent(of: node)
            guard EdgeNoise.kind(of: BoundaryText.normalized(text), linkDensity: 0) == "read-in-full prompt" else { continue }
            tree.remove(node)
            removals.append(Removal(what: "inline: read-in-full prompt (caption)", chars: TextNormalizer.collapse(text).count))
            removedOne = true
        }
        return removedOne
    }
}
