/// Applies `BoundaryText` (and through it `EdgeNoise`) to the blocks at the edges of an article.
///
/// It takes the head (comment counts, id lines, attributions, sponsor messages with
/// their ad copy), the tail (comment forms, share prompts, "The post … appeared first
/// on …", podcast links, paywalls), sections that open with a marker ("Leave a Reply",
/// "12 thoughts on …", "Related", a sponsor message, a footer heading) and run to the end, the
/// boilerplate lines at the edges of a block of lines, and an inline trailer
/// ("Continue reading →", "[…]", "★", "View Full Coverage on Google News"). `InlineNoise` goes first, anywhere in the text.
enum BoundaryPass {
    /// How many blocks from the start the head rules look at.
    static let headReach = 6
    /// How many blocks of credits and closing lines at the very end the tail rules look past.
    static let maximumCreditBlocks = 3
    /// How far into the article's text a strong section marker (comments) must be to cut.
    ///
    /// It cuts only after this share of the text, so an article about comment forms keeps its body.
    static let strongMarkerPosition = 0.4

    /// Removes the boilerplate blocks and returns the attribution found.
    static func apply(to tree: inout HTMLTree, under root: Int, removals: inout [Removal]) -> String? {
        var blocks = BlockSegmenter.blocks(of: tree, under: root)
        // Widgets and chrome zones first: they are judged with all their blocks.
        PlatformWidgets.removeProfileBox(from: &blocks, in: &tree, under: root, removals: &removals)
        let recommendations = PlatformWidgets.removeRecommendations(from: &blocks, in: &tree, removals: &removals)
        PlatformWidgets.removeAuthorSection(from: &blocks, in: &tree, removals: &removals)
        ChromeZones.removeTailZone(from: &blocks, in: &tree, namedBelow: recommendations ? 1 : 0, removals: &removals)
        ChromeZones.removeHeadZone(from: &blocks, in: &tree, removals: &removals)
        InlineNoise.remove(from: &blocks, in: &tree, removals: &removals)
        guard !blocks.isEmpty else { return nil }
        var source: String?

        func drop(_ block: Block, _ what: String) {
            block.nodes.forEach { tree.remove($0) }
            removals.append(Removal(what: what, chars: block.text.count, text: block.text))
        }
        /// The removal's description for a match at the head or tail.
        ///
        /// It notes the source an attribution names.
        func describe(_ match: BoundaryText.Match, _ text: String, edge: String) -> String {
            switch match {
            case .source(let name):
                source = source ?? name
                return "attribution: \"\(text.prefix(60))\""
            case .noise(let what), .sectionStart(let what, _):
                return "\(edge): \(what)"
            }
        }

        // Head. A block of several short lines ("0" and a UUID on the next
        // line) counts when every line is head noise. A title-like first
        // block above head noise stays, and the noise under it goes; a
        // sponsor message takes the ad copy that follows it.
        func headMatch(_ block: Block) -> BoundaryText.Match? {
            let notFreeStanding = block.isHeading || !block.isFreeStanding
            if block.length <= BoundaryText.maximumRuleLength, let match = block.headMatch,
               block.lines.count < 2 || block.lines.allSatisfy({ BoundaryText.head($0) != nil })
            {
                return match
            }
            guard block.lines.count > 1, !notFreeStanding else { return nil }
            let matches = block.lines.compactMap { BoundaryText.head($0) }
            guard matches.count == block.lines.count else { return nil }
            if let source = matches.first(where: { if case .source = $0 { return true } else { return false } }) {
                return source
            }
            let kinds = matches.compactMap { match -> String? in
                if case .noise(let what) = match { return what }
                return nil
            }
            return .noise(kinds.joined(separator: ", "))
        }
        // Up to two title-like blocks (a figure's caption, then the title) stay above the noise.
        let titles = (1...2).first(where: { count in
            blocks.count > count + 1 && blocks[..<count].allSatisfy(isTitleLike) && headMatch(blocks[count]) != nil
        }) ?? 0
        let titleKept = titles > 0
        var index = titles
        var sponsorMessage: String?
        let headLimit = min(blocks.count - 1, index + headReach)
        while index < headLimit {
            if let match = headMatch(blocks[index]) {
                drop(blocks[index], describe(match, blocks[index].text, edge: "head"))
                sponsorMessage = match == .noise(EdgeNoise.sponsorMessage) ? blocks[index].text : nil
            } else if let message = sponsorMessage,
                      EdgeNoise.isAdCopy(blocks[index]) || SponsorSegments.isAdCopy(blocks[index], under: message)
            {
                drop(blocks[index], "head: \(EdgeNoise.sponsorMessage)")
            } else {
                break
            }
            index += 1
        }
        blocks.removeSubrange(titles..<index)
        let bodyStart = titles
        var end = blocks.count
        guard bodyStart < end else { return source }
        // Credits and closing lines ending the entry ("Edited by Sam Lee. Music by Blue Dot
        // Sessions.", "Thanks for listening!") stay, and the sections and tail rules look above them.
        while end - 1 > bodyStart, end > blocks.count - maximumCreditBlocks,
              SignOff.isCredits(blocks[end - 1]) || SignOff.isClosingLine(blocks[end - 1])
        {
            end -= 1
        }

        // Lines at the head of the first block of the body.
        var headLines: (lines: BlockLines, kept: Int)?
        if let lines = BlockLines(of: blocks[bodyStart], in: tree) {
            var line = 0
            if !titleKept, lines.lines.count > 2, isTitleLike(lines.lines[0].text),
               BoundaryText.head(lines.lines[1].text) != nil
            {
                line = 1
            }
            while line < lines.lines.count - 1,
                  let match = BoundaryText.head(lines.lines[line].text, linkDensity: lines.lines[line].linkDensity)
            {
                lines.remove(line, atHead: true, from: &tree)
                removals.append(Removal(what: describe(match, lines.lines[line].text, edge: "head"),
                                        chars: lines.lines[line].text.count))
                line += 1
            }
            headLines = (lines, line)
        }

        // Sections that run to the end.
        let total = blocks[bodyStart..<end].reduce(0) { $0 + $1.length }
        var before = 0
        for index in bodyStart..<end {
            defer { before += blocks[index].length }
            guard index > bodyStart else { continue }
            // A follow section (a label and the networks under it) that ends the article.
            if let count = FollowLines.section(at: index, in: blocks, end: end), index + count == end {
                let chars = blocks[index..<end].reduce(0) { $0 + $1.text.count }
                blocks[index..<end].forEach { $0.nodes.forEach { tree.remove($0) } }
                removals.append(Removal(what: "tail: \(FollowLines.kind) from \"\(blocks[index].text.prefix(40))\"", chars: chars,
                                        text: blocks[index..<end].prefix(4).map(\.text).joined(separator: " ")))
                end = index
                break
            }
            let marker: (what: String, strong: Bool)
            if case .sectionStart(let what, let strong)? = BoundaryText.sectionStart(blocks[index].bytes) {
                marker = (what, strong)
            } else if EdgeNoise.opensSponsorSection(blocks[index]) {
                marker = (EdgeNoise.sponsorMessage, false)
            } else if index + 1 < end, RelatedLinks.opensSection(blocks[index]) {
                marker = (RelatedLinks.kind, false)
            } else if index + 1 < end, PaywallNotice.opensSection(blocks[index]) {
                marker = ("paywall prompt", false)
            } else if index + 1 < end, blocks[index].isHeading,
                      FeedFooter.isSectionHeading(blocks[index].key) {
                marker = (FeedFooter.kind, false)
            } else {
                continue
            }
            let isLate = Double(before) >= Double(total) * strongMarkerPosition
            let rest = blocks[(index + 1)..<end]
            let restIsBoilerplate: Bool
            switch marker.what {
            case EdgeNoise.sponsorMessage:
                restIsBoilerplate = rest.count <= EdgeNoise.maximumAdCopyBlocks
                    && rest.allSatisfy {
                        // Under the sponsor message any short block with a link is its ad copy ("Sponsors:"
                        // over "<a>Linear</a> – the issue tracker built for speed").
                        looksLikeBoilerplate($0) || EdgeNoise.isAdCopy($0, inSponsorSection: true)
                            || SponsorSegments.isAdCopy($0, under: blocks[index].text)
                    }
                    && before * 2 >= total
            case FeedFooter.kind:
                // A newsletter's footer: boilerplate and short appeals to the
                // reader ("Share it with your friends."), one of them a footer.
                restIsBoilerplate = before * 2 >= total && rest.contains(where: matchesTailRule)
                    && rest.allSatisfy { looksLikeBoilerplate($0) || FeedFooter.isReaderAppeal($0) }
            default:
                restIsBoilerplate = rest.allSatisfy(looksLikeBoilerplate)
                    && (before * 2 >= total || rest.allSatisfy(matchesTailRule))
            }
            if (marker.strong && isLate) || restIsBoilerplate {
                let chars = blocks[index..<end].reduce(0) { $0 + $1.text.count }
                blocks[index..<end].forEach { $0.nodes.forEach { tree.remove($0) } }
                removals.append(Removal(what: "tail: \(marker.what) from \"\(blocks[index].text.prefix(40))\"", chars: chars,
                                        text: blocks[index..<end].prefix(4).map(\.text).joined(separator: " ")))
                end = index
                break
            }
        }

        // Tail, block by block. The article's last remaining block goes only
        // when it is short or mostly links (a lone Reddit footer), never when
        // it is prose that merely starts like boilerplate. In a block of
        // lines, the lines at its end go one by one.
        func mayTake(_ index: Int) -> Bool {
            index > bodyStart || blocks[index].length <= 80 || blocks[index].linkDensity >= 0.5
        }
        // A sign-off ("— Luke") stays, and the rules look above it.
        if end - 1 > bodyStart, SignOff.isSignOff(blocks[end - 1]) { end -= 1 }
        let lookedPastClosing = end < blocks.count
        while end > bodyStart {
            let block = blocks[end - 1]
            // A bare time above credits is the last chapter's start ("Outro", "03:06:30", "Erstellt von: Max").
            if lookedPastClosing, isBareTime(block) { break }
            // A rule (`<hr>`) between the article and its footer is no text: look above it.
            if block.length == 0, end - 1 > bodyStart {
                end -= 1
                continue
            }
            // A divider ("---", "❦") that ends the article divides nothing: the footer under it went
            // (here or as the feed's template), or there was none.
            if end - 1 > bodyStart, isDivider(block) {
                drop(block, "tail: divider")
                end -= 1
                continue
            }
            // A label over links to other posts whose links are gone (an
            // embedded player, a script) introduces nothing.
            if end - 1 > bodyStart, block.bytes.last == UInt8(ascii: ":"), RelatedLinks.opensSection(block) {
                drop(block, "tail: \(RelatedLinks.kind) label")
                end -= 1
                continue
            }
            if mayTake(end - 1), block.length <= BoundaryText.maximumRuleLength,
               let match = block.isFreeStanding ? block.tailMatch
                   : BoundaryText.tail(block.text, linkDensity: block.linkDensity, isHeading: true, verdicts: block.verdicts),
               // A block of lines goes whole only when each line is boilerplate
               // too: a credit line under a subscribe prompt is the article's.
               // A reply-by-email prompt may go on with pleasantries ("Or just say hi.").
               block.lines.count < 2 || block.lines.allSatisfy({ BoundaryText.tail($0) != nil })
                   || match == .noise(EmailReplyPrompts.kind) && EmailReplyPrompts.endsInPleasantries(block.lines),
               // A link list that is all that is left is the article.
               end - 1 > bodyStart || match != .noise(EdgeNoise.linkList)
            {
                drop(block, describe(match, block.text, edge: "tail"))
                end -= 1
                continue
            }
            let isFirst = end - 1 == bodyStart
            guard let lines = isFirst ? headLines?.lines : BlockLines(of: block, in: tree) else { break }
            let floor = isFirst ? headLines?.kept ?? 0 : 0
            var line = lines.lines.count - 1
            // Credit lines ending the block ("Producer: Keiran Harris.") stay, and the rules look above them.
            while line > floor, SignOff.isCreditLine(lines.lines[line].text) { line -= 1 }
            let credits = lines.lines.count - 1 - line
            var matches: [(line: Int, match: BoundaryText.Match)] = []
            // A labelled list of link lines ending the block ("Recent Stories<br>• <a>…</a>").
            let listStart = RelatedLinks.labelledListStart(in: lines.lines.map { ($0.text, $0.linkDensity) }) ?? Int.max
            while line >= floor, let match = line >= listStart ? BoundaryText.Match.noise(RelatedLinks.kind)
                : BoundaryText.tail(lines.lines[line].text, linkDensity: lines.lines[line].linkDensity) {
                matches.append((line, match))
                line -= 1
            }
            if line < 0, credits == 0, mayTake(end - 1) {
                let what = matches.reversed().map { describe($0.match, lines.lines[$0.line].text, edge: "tail") }
                drop(block, what.joined(separator: ", "))
                end -= 1
                continue
            }
            for (index, match) in matches.reversed() where index > max(line, floor) {
                lines.remove(index, atHead: false, from: &tree)
                removals.append(Removal(what: describe(match, lines.lines[index].text, edge: "tail"),
                                        chars: lines.lines[index].text.count))
            }
            break
        }

        if end > bodyStart { removeTrailer(from: blocks[end - 1], in: &tree, removals: &removals) }
        return source
    }

    /// Whether a block is only a time ("03:06:30", "1:02").
    private static func isBareTime(_ block: Block) -> Bool {
        block.length <= 12 && block.bytes.contains(UInt8(ascii: ":"))
            && block.bytes.allSatisfy { ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: ":") || $0 == 0x20 }
    }

    /// Whether a block is only a divider: dashes, asterisks, bullets or a fleuron ("---", "* * *", "❦").
    private static func isDivider(_ block: Block) -> Bool {
        block.length <= 12 && block.text.contains(where: { $0 != " " }) && block.text.allSatisfy { dividerMarks.contains($0) }
    }

    /// The marks dividers are made of.
    private static let dividerMarks: Set<Character> = [
        " ", "-", "–", "—", "_", "*", "~", "=", "·", "•", "⁂", "❦", "❧", "☙", "※", "◆", "◇", "∗", "✱", "✳", "⸻",
    ]

    /// Whether a block could be the article's title above head noise.
    ///
    /// A heading, or one short line that does not end like a sentence.
    private static func isTitleLike(_ block: Block) -> Bool {
        guard block.lines.isEmpty, block.isFreeStanding, block.linkDensity < 0.5 else { return false }
        return block.isHeading || isTitleLike(block.text, verdicts: block.verdicts)
    }

    /// Whether a line could be a title: short, not ending like a sentence.
    ///
    /// `verdicts` are the block's when the line is a whole block.
    private static func isTitleLike(_ text: String, verdicts: EdgeVerdicts? = nil) -> Bool {
        guard text.utf8.count <= 200, let last = text.last, !".!?:;,".contains(last) else { return false }
        return BoundaryText.head(text, verdicts: verdicts) == nil
    }

    /// Whether a tail rule names the block. Links and headings under a
    /// marker go only when the article above them is the larger part: a
    /// "links of the week" post is a list of links.
    private static func matchesTailRule(_ block: Block) -> Bool {
        block.length <= BoundaryText.maximumRuleLength && block.tailMatch != nil
    }

    /// Whether a block after a section marker is the kind of thing such sections hold.
    ///
    /// More boilerplate, links, headings or short lines, or a block
    /// without text (a rule, an image).
    private static func looksLikeBoilerplate(_ block: Block) -> Bool {
        block.length == 0 || block.length <= BoundaryText.maximumRuleLength && block.tailMatch != nil
            || block.linkDensity >= 0.5 || block.isHeading
    }

    /// Removes a "Continue reading →" link or a "[…]" at the very end of the last block.
    private static func removeTrailer(from block: Block, in tree: inout HTMLTree, removals: inout [Removal]) {
        guard let last = block.nodes.last else { return }
        // The last live text-bearing node in document order: the subtree is
        // a run of indices, read from its end.
        guard let tail = stride(from: tree.subtreeEnd(of: last) - 1, through: last, by: -1).first(where: {
            tree.nodes[$0].kind == .text && !tree.withText(of: $0) { TextNormalizer.firstNonSpace(in: $0) == nil } && isLive($0, under: last, in: tree)
        }) else { return }
        // A link that ends the block and reads like "Continue reading".
        var link = tree.nodes[tail].parent
        while link >= 0, tree.nodes[link].name != "a", link != last { link = tree.nodes[link].parent }
        if link >= 0, tree.nodes[link].name == "a", let what = BoundaryText.trailer(tree.textContent(of: link))
            ?? moreAnchorTrailer(tree.nodes[link], text: tree.textContent(of: link))
            ?? coverageTrailer(tree.textContent(of: link))
        {
            let text = tree.textContent(of: link)
            tree.remove(link)
            removals.append(Removal(what: "trailer: \(what)", chars: text.count, text: text))
            return
        }
        // A "[…]" or "[...]" ending the last text; all end in "]" or ")".
        guard let lastByte = tree.withText(of: tail, lastByteBeforeSpaces),
              lastByte == UInt8(ascii: "]") || lastByte == UInt8(ascii: ")") else { return }
        let trimmed = tree.text(of: tail).trimmingCharacters(in: " \n\t\u{A0}")
        for elision in ["[…]", "[...]", "[&hellip;]", "(more…)"] {
            if trimmed.hasSuffix(elision) {
                tree.setText(String(trimmed.dropLast(elision.count)).trimmingCharacters(in: " \n\t\u{A0}"), of: tail)
                removals.append(Removal(what: "trailer: elision \"\(elision)\"", chars: elision.count, text: elision))
                return
            }
        }
    }

    /// A news aggregator's "View Full Coverage on Google News" link ending the last block, or nil.
    private static func coverageTrailer(_ text: String) -> String? {
        guard AggregatorLines.isCoverageLink(BoundaryText.normalized(text), linkDensity: 1) else { return nil }
        return "\(AggregatorLines.kind) (coverage link)"
    }

    /// A short link to the post's own "more" anchor, in any language ("Läs mer »"), or nil.
    private static func moreAnchorTrailer(_ link: HTMLTree.Node, text: String) -> String? {
        guard let href = link.attribute("href"), BoundaryText.isMoreAnchor(href),
              TextNormalizer.collapse(text).count <= 40 else { return nil }
        return "\"Read more\" link (#more)"
    }

    /// Whether neither `index` nor any ancestor up to `root` was removed.
    private static func isLive(_ index: Int, under root: Int, in tree: HTMLTree) -> Bool {
        var current = index
        while true {
            if tree.nodes[current].isRemoved { return false }
            if current == root { return true }
            current = tree.nodes[current].parent
        }
    }

    /// The last byte of UTF-8 `bytes` before trailing white space.
    ///
    /// Trailing white space here is spaces, tabs, line feeds and no-break spaces.
    private static func lastByteBeforeSpaces(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt8? {
        var end = bytes.count
        while end > 0 {
            let byte = bytes[end - 1]
            if byte == 0x20 || byte == 0x0A || byte == 0x09 {
                end -= 1
            } else if byte == 0xA0, end >= 2, bytes[end - 2] == 0xC2 {
                end -= 2
            } else {
                return byte
            }
        }
        return nil
    }
}
