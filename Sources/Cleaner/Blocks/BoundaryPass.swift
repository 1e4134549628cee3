/// Applies `BoundaryText` to the blocks at the edges of an article: the
/// head (comment counts, UUID lines, attributions), the tail (comment forms,
/// share prompts, "The post … appeared first on …"), sections that open with
/// a marker ("Leave a Reply", "12 thoughts on …", "Related") and run to the
/// end, and an inline trailer ("Continue reading →", "[…]").
enum BoundaryPass {
    /// How many blocks from the start the head rules look at.
    static let headReach = 6
    /// A strong section marker (comments) cuts only after this share of the
    /// article's text, so an article about comment forms keeps its body.
    static let strongMarkerPosition = 0.4

    /// Removes the boilerplate blocks and returns the attribution found.
    static func apply(to tree: inout HTMLTree, under root: Int, removals: inout [Removal]) -> String? {
        let blocks = BlockSegmenter.blocks(of: tree, under: root)
        guard !blocks.isEmpty else { return nil }
        var source: String?
        var start = 0
        var end = blocks.count

        func drop(_ block: Block, _ what: String) {
            block.nodes.forEach { tree.remove($0) }
            removals.append(Removal(what: what, chars: block.text.count, text: block.text))
        }

        // Head. A block of several short lines ("0" and a UUID on the next
        // line) counts when every line is head noise.
        func headMatch(_ block: Block) -> BoundaryText.Match? {
            if block.length <= BoundaryText.maximumRuleLength,
               let match = BoundaryText.head(block.text, isHeading: block.isHeading)
            {
                return match
            }
            guard block.lines.count > 1, !block.isHeading else { return nil }
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
        while start < min(end - 1, headReach), let match = headMatch(blocks[start]) {
            switch match {
            case .source(let name):
                source = source ?? name
                drop(blocks[start], "attribution: \"\(blocks[start].text.prefix(60))\"")
            case .noise(let what), .sectionStart(let what, _):
                drop(blocks[start], "head: \(what)")
            }
            start += 1
        }

        // Sections that run to the end.
        let total = blocks[start..<end].reduce(0) { $0 + $1.length }
        var before = 0
        for index in start..<end {
            defer { before += blocks[index].length }
            guard index > start, case .sectionStart(let what, let strong)? = BoundaryText.sectionStart(blocks[index].bytes)
            else { continue }
            let isLate = Double(before) >= Double(total) * strongMarkerPosition
            let restIsBoilerplate = blocks[(index + 1)..<end].allSatisfy(looksLikeBoilerplate)
            if (strong && isLate) || restIsBoilerplate {
                let chars = blocks[index..<end].reduce(0) { $0 + $1.text.count }
                blocks[index..<end].forEach { $0.nodes.forEach { tree.remove($0) } }
                removals.append(Removal(what: "tail: \(what) from \"\(blocks[index].text.prefix(40))\"", chars: chars,
                                        text: blocks[index..<end].prefix(4).map(\.text).joined(separator: " ")))
                end = index
                break
            }
        }

        // Tail, block by block. The article's last remaining block goes only
        // when it is short or mostly links (a lone Reddit footer), never when
        // it is prose that merely starts like boilerplate.
        func mayTake(_ index: Int) -> Bool {
            index > start || blocks[index].length <= 80 || blocks[index].linkDensity >= 0.5
        }
        while end > start, mayTake(end - 1), blocks[end - 1].length <= BoundaryText.maximumRuleLength,
              let match = BoundaryText.tail(blocks[end - 1].text, linkDensity: blocks[end - 1].linkDensity,
                                            isHeading: blocks[end - 1].isHeading)
        {
            switch match {
            case .source(let name):
                source = source ?? name
                drop(blocks[end - 1], "attribution: \"\(blocks[end - 1].text.prefix(60))\"")
            case .noise(let what), .sectionStart(let what, _):
                drop(blocks[end - 1], "tail: \(what)")
            }
            end -= 1
        }

        if end > start { removeTrailer(from: blocks[end - 1], in: &tree, removals: &removals) }
        return source
    }

    /// Whether a block after a section marker is the kind of thing such
    /// sections hold: more boilerplate, links, headings or short lines.
    private static func looksLikeBoilerplate(_ block: Block) -> Bool {
        block.length <= BoundaryText.maximumRuleLength
            && BoundaryText.tail(block.text, linkDensity: block.linkDensity, isHeading: block.isHeading) != nil
            || block.linkDensity >= 0.5 || block.isHeading
    }

    /// Removes a "Continue reading →" link or a "[…]" at the very end of the
    /// last block.
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
        if link >= 0, tree.nodes[link].name == "a", let what = BoundaryText.trailer(tree.textContent(of: link)) {
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

    /// Whether neither `index` nor any ancestor up to `root` was removed.
    private static func isLive(_ index: Int, under root: Int, in tree: HTMLTree) -> Bool {
        var current = index
        while true {
            if tree.nodes[current].isRemoved { return false }
            if current == root { return true }
            current = tree.nodes[current].parent
        }
    }

    /// The last byte of UTF-8 `bytes` before trailing spaces, tabs, line feeds and
    /// no-break spaces.
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
