/// The page chrome a scraped post keeps around its article, found as a zone of many short blocks at an edge.
///
/// Most of the zone's blocks are boilerplate the edge rules name ("Member-only story", "Follow",
/// "5 min read", "Share", "Written by", "1.2K Followers", "Newer Post", "Post Comments (Atom)"),
/// with a name, a "·" or a "Blog Archive" between them that no rule knows.
///
/// The edge rules stop at the first block they do not name; a zone goes on
/// past such short, unnamed blocks while named ones follow. At the tail the
/// whole zone goes, from its first named block; at the head only the named
/// blocks and bare separators go, so the title and the author's name stay.
/// A block that reads like a sentence, or a longer one, ends a zone.
enum ChromeZones {
    /// How many blocks from an edge a zone may reach.
    static let reach = 16
    /// The longest unnamed block a zone runs past, in UTF-8 bytes.
    static let maximumUnnamedLength = 60
    /// How many unnamed blocks in a row a zone runs past.
    static let maximumUnnamedRun = 2
    /// How many named blocks make a zone.
    static let minimumNamed = 3

    /// Removes the chrome zone at the tail of `blocks`, if any.
    /// - Parameter namedBelow: How many named blocks were removed just
    ///   under the tail already (a platform's recommendations): they count
    ///   towards the zone.
    static func removeTailZone(from blocks: inout [Block], in tree: inout HTMLTree, namedBelow: Int = 0,
                               removals: inout [Removal]) {
        guard blocks.count > minimumNamed,
              mayHoldZone(blocks.dropFirst().suffix(reach).reversed(), namedBelow: namedBelow)
        else { return }
        var index = blocks.count - 1
        var zoneStart: Int?
        var named = namedBelow, unnamed = 0, run = 0
        while index > 0, blocks.count - index <= reach {
            let block = blocks[index]
            // An attribution names the source: the boundary rules record it.
            // A sign-off is the writer's.
            if BoundaryText.attribution(block.text) != nil || SignOff.isSignOff(block) { break }
            // A newsletter's footer heading opens a section that the boundary
            // rules take whole, the heading with it.
            if block.isHeading, FeedFooter.isSectionHeading(block.key) { return }
            if isNamedAtTail(block) {
                named += 1
                run = 0
                zoneStart = index
            } else if block.length == 0 || isSeparator(block) {
                // A rule or an image, or "·": neither kind.
            } else if isUnnamedChrome(block), run < maximumUnnamedRun {
                unnamed += 1
                run += 1
            } else {
                break
            }
            index -= 1
        }
        let total = blocks.reduce(0) { $0 + $1.length }
        // Without unnamed blocks between them the tail rules take the named ones.
        guard let start = zoneStart, start > 0, named >= minimumNamed, named >= unnamed,
              blocks[start...].contains(where: { !isNamedAtTail($0) && $0.length > 0 && !isSeparator($0) }),
              blocks[start...].reduce(0, { $0 + $1.length }) * 2 < total
        else { return }
        let zone = blocks[start...]
        let text = zone.map(\.text).joined(separator: " ")
        zone.forEach { $0.nodes.forEach { tree.remove($0) } }
        removals.append(Removal(what: "tail: platform chrome (zone from \"\(blocks[start].text.prefix(40))\")",
                                chars: text.count, text: text))
        blocks.removeSubrange(start...)
    }

    /// Removes the named blocks and separators of the chrome zone at the head of `blocks`, if any.
    ///
    /// The unnamed ones (a title, a name) stay.
    static func removeHeadZone(from blocks: inout [Block], in tree: inout HTMLTree, removals: inout [Removal]) {
        guard mayHoldZone(blocks.prefix(reach)) else { return }
        var taken: [Int] = []
        var named = 0, run = 0, lastNamed = -1
        for index in blocks.indices.prefix(reach) {
            let block = blocks[index]
            if BoundaryText.attribution(block.text) != nil { break }
            if isNamedAtHead(block) {
                named += 1
                run = 0
                lastNamed = index
                taken.append(index)
            } else if block.length == 0 {
                continue
            } else if isSeparator(block) {
                taken.append(index)
            } else if isUnnamedChrome(block), run < maximumUnnamedRun {
                run += 1
            } else {
                break
            }
        }
        taken.removeAll { $0 > lastNamed }
        let total = blocks.reduce(0) { $0 + $1.length }
        // Without an unnamed block before the last named one the head rules take them.
        let firstKept = blocks.indices.prefix(lastNamed + 1).first { !taken.contains($0) && blocks[$0].length > 0 }
        guard named >= minimumNamed, lastNamed + 1 < blocks.count, firstKept != nil,
              taken.reduce(0, { $0 + blocks[$1].length }) * 2 < total
        else { return }
        for index in taken {
            blocks[index].nodes.forEach { tree.remove($0) }
            removals.append(Removal(what: "head: platform chrome (zone)", chars: blocks[index].text.count,
                                    text: blocks[index].text))
        }
        let removed = Set(taken)
        blocks = blocks.indices.filter { !removed.contains($0) }.map { blocks[$0] }
    }

    /// Whether a tail rule names the block.
    private static func isNamedAtTail(_ block: Block) -> Bool {
        block.length > 0 && block.length <= BoundaryText.maximumRuleLength
            && block.tailMatch != nil
    }

    /// Whether a head rule names the block as noise other than a bare count or an id line.
    ///
    /// A bare count or an id line is left out: a short block near a title may well be one.
    private static func isNamedAtHead(_ block: Block) -> Bool {
        guard block.length > 0, block.length <= BoundaryText.maximumRuleLength,
              case .noise(let what)? = block.headMatch
        else { return false }
        return !["comment count", "UUID line", "id line"].contains(what)
    }

    /// "·", "--", "|", "•": a block of separators only.
    private static func isSeparator(_ block: Block) -> Bool {
        block.length <= 6 && block.text.allSatisfy { "·•|-–—/ *".contains($0) }
    }

    /// Whether `walk` (an edge's blocks, from the edge inwards) holds enough blocks before a long one for a zone.
    ///
    /// A block longer than any edge rule reads is neither named nor unnamed chrome, so the walk
    /// stops there; a zone needs `minimumNamed` named blocks before it. This look reads lengths only.
    private static func mayHoldZone(_ walk: some Sequence<Block>, namedBelow: Int = 0) -> Bool {
        var candidates = namedBelow
        for block in walk {
            if block.length > BoundaryText.maximumRuleLength { break }
            if block.length > 0 { candidates += 1 }
            if candidates >= minimumNamed { return true }
        }
        return candidates >= minimumNamed
    }

    /// Whether the block is a short block that does not read like a sentence.
    ///
    /// For example a name, a title, "Blog Archive", "Writer for The Gazette".
    private static func isUnnamedChrome(_ block: Block) -> Bool {
        guard block.length <= maximumUnnamedLength, block.lines.count < 2, let last = block.text.last else { return false }
        return !".!?:;,".contains(last)
    }
}
