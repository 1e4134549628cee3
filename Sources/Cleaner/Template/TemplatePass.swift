/// Removes a feed's template blocks (`FeedTemplate`) from one entry, where that cannot take its text.
///
/// It takes only runs of template blocks that touch the head or the tail of the entry, and runs in
/// the middle that repeat as one whole section in most entries, only when they leave most of the
/// entry, and of those only the blocks that are boilerplate on their own too (`TemplateSignal`).
///
/// It runs on the tree as parsed, before any other pass, because that is
/// the tree the template was learned from: what the passes change (resolved
/// links, removed elements) would make blocks differ from what was learned.
enum TemplatePass {
    /// The largest share of an entry's text the template may take: two thirds.
    ///
    /// A template is the frame around an article, and a short issue of a newsletter is easily no
    /// longer than its sponsor line, signature and footer together (60% in `Template/`). When the
    /// identical blocks are more than two thirds of an entry, the part that differs is a version
    /// number or a status line: the identical wording is the shape every entry shares (a release
    /// announcement), not boilerplate, and the entry is kept whole.
    static let maximumShare = 2.0 / 3.0

    /// Removes the template blocks of the article under `root` that carry a boilerplate signal too.
    ///
    /// The signal is one of their own (`TemplateSignal`). Each removal
    /// is recorded, or why none went.
    static func apply(to tree: inout HTMLTree, under root: Int, template: FeedTemplate,
                      removals: inout [Removal]) {
        let blocks = TemplateBlock.blocks(of: tree, under: root)
        let lists = blocks.map { list(of: $0.block, in: tree) }
        let keys = blocks.map(\.key)
        let candidates = templateRuns(of: keys, lists: lists, template: template)
        guard !candidates.isEmpty else { return }
        // The cap is judged on every identical block the template may take,
        // signal or not: identical blocks that are most of the entry are the
        // shape of the feed's entries.
        let total = blocks.reduce(0) { $0 + $1.key.length }
        let taken = candidates.reduce(0) { sum, run in sum + blocks[run].reduce(0) { $0 + $1.key.length } }
        guard Double(taken) <= Double(total) * maximumShare else {
            let share = Int((Double(taken) / Double(max(1, total)) * 100).rounded())
            removals.append(Removal(
                what: "feed template kept: its blocks are \(share)% of this entry's text (more than two thirds), "
                    + "so the entry is delivered whole",
                chars: 0, rule: FeedTemplate.keptRule))
            return
        }
        var signals = [Bool](repeating: false, count: blocks.count)
        for run in candidates {
            let marks = TemplateSignal.marks(of: blocks[run].map(\.block), endsEntry: run.upperBound == blocks.count,
                                             in: tree, under: root)
            for (index, mark) in zip(run, marks) { signals[index] = mark }
        }
        for run in signalled(candidates, signals: signals, keys: keys, lists: lists) {
            for (block, _) in blocks[run] {
                block.nodes.forEach { tree.remove($0) }
                removals.append(Removal(what: "feed template: \"\(block.text.prefix(40))\"", chars: block.text.count,
                                        rule: FeedTemplate.removalRule, text: block.text))
            }
        }
    }

    /// The runs of blocks the template may take.
    ///
    /// A run of template blocks at the head, one at the tail, and the middle runs that are learned
    /// sections, but none that the entry's own heading or label introduces; the head and middle
    /// ones without the headings and labels that end them; each holding at least one block long
    /// enough to tell, and none taking some items of a list and leaving others (a release's last
    /// bullet, "Bug fixes.", is the same in every release and still part of its list).
    /// - Parameters:
    ///   - keys: The entry's blocks.
    ///   - lists: For each block that is a list item, its list (any
    ///     number that tells lists apart); nil for other blocks.
    ///   - template: The feed's template.
    static func templateRuns(of keys: [TemplateBlock], lists: [Int?], template: FeedTemplate) -> [Range<Int>] {
        let fingerprints = keys.map(\.fingerprint)
        let runs = FeedTemplate.runs(of: fingerprints, template: template.fingerprints).compactMap { run -> Range<Int>? in
            // What the entry's own heading or "…:" label introduces is the
            // entry's ("you can download 4.14 directly:" and the download links).
            if run.lowerBound > 0, keys[run.lowerBound - 1].introducesNext { return nil }
            if run.upperBound == keys.count, run.lowerBound > 0 { return run }
            // Runs followed by the entry's own text leave the labels that introduce it.
            let trimmed = FeedTemplate.withoutTrailingLabels(run, of: keys)
            if run.lowerBound == 0 { return trimmed }
            let isSection = trimmed.count >= 2
                && template.sections.contains(FeedTemplate.sectionFingerprint(fingerprints[trimmed]))
            return isSection ? trimmed : nil
        }
        return wholeLists(runs, keys: keys, lists: lists)
    }

    /// Of the candidate `runs`, the blocks that carry a boilerplate signal (`signals`), as runs.
    ///
    /// At the head or the tail, each block with a signal goes and each without stays (a sign-off
    /// above a feed's footer links); a section in the middle goes only when every block of it has
    /// one (a sponsor section, not a release's install instructions).
    private static func signalled(_ runs: [Range<Int>], signals: [Bool], keys: [TemplateBlock], lists: [Int?]) -> [Range<Int>] {
        var chosen: [Range<Int>] = []
        for run in runs {
            let isEdge = run.lowerBound == 0 || run.upperBound == keys.count
            if !isEdge {
                if run.allSatisfy({ signals[$0] }) { chosen.append(run) }
                continue
            }
            var start: Int?
            for index in run {
                if signals[index] {
                    if start == nil { start = index }
                } else if let first = start {
                    chosen.append(first..<index)
                    start = nil
                }
            }
            if let start { chosen.append(start..<run.upperBound) }
        }
        return wholeLists(chosen, keys: keys, lists: lists)
    }

    /// `runs` without split lists and without the runs that hold no block long enough to tell.
    ///
    /// Split lists are list items whose list keeps other items: they leave the head run's end and
    /// the tail run's start, and a middle run that would split a list is left out whole.
    private static func wholeLists(_ runs: [Range<Int>], keys: [TemplateBlock], lists: [Int?]) -> [Range<Int>] {
        // A list is split when some of its items are in a run and some not.
        var itemsOutside: [Int: Int] = [:]
        for list in lists.compactMap({ $0 }) { itemsOutside[list, default: 0] += 1 }
        for run in runs {
            for list in lists[run].compactMap({ $0 }) { itemsOutside[list]! -= 1 }
        }
        func splitsAList(_ index: Int) -> Bool { lists[index].map { itemsOutside[$0]! > 0 } ?? false }
        return runs.map { run in
            var run = run
            if run.lowerBound == 0 {
                while !run.isEmpty, splitsAList(run.upperBound - 1) { run = run.dropLast() }
            } else if run.upperBound == keys.count {
                while !run.isEmpty, splitsAList(run.lowerBound) { run = run.dropFirst() }
            } else if run.contains(where: splitsAList) {
                run = run.lowerBound..<run.lowerBound
            }
            return run
        }.filter { keys[$0].contains(where: \.isLong) }
    }

    /// The list `block` is an item of (its parent's index), or nil when it is no list item.
    private static func list(of block: Block, in tree: HTMLTree) -> Int? {
        guard let element = block.element, element == "li" || element == "dt" || element == "dd",
              let first = block.nodes.first else { return nil }
        return tree.nodes[first].parent
    }
}
