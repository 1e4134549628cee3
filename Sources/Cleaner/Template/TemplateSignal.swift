/// Whether a feed's template block is also boilerplate on its own.
///
/// A second, independent signal that feed templates ask for before they remove it.
///
/// Repetition alone does not make a block boilerplate. A podcast's credits
/// ("Test Lead, Host, Writing / Steve Burke"), a sign-off ("— Luke") or the
/// install instructions of every release are the same in every entry and
/// still the entry's text. So a template block goes only when it is also
/// mostly links (a footer's links, a navigation bar), sits in an element
/// named as boilerplate or in a `nav`, `footer` or `aside`, or reads as a
/// boilerplate family the boundary rules know (`BoundaryText`, `EdgeNoise`),
/// judged without its position. Plain prose, credit lines and lists of
/// instructions that repeat stay.
enum TemplateSignal {
    /// A block whose text is at least this share link text is mostly links.
    static let mostlyLinks = 0.5

    /// For each of `blocks`, whether it carries a boilerplate signal besides being repeated.
    ///
    /// `blocks` is a run of template blocks of the article under `root`. The ad
    /// copy under a sponsor heading or message of the run ("A word from our
    /// sponsor") carries its heading's; a label that ends the entry (`endsEntry`),
    /// introducing nothing ("Erstellt von:" and an empty name), is chrome. In a
    /// run that ends the entry, a newsletter's footer heading ("Archive",
    /// "Contribute") and everything under it to the end carry the heading's: the
    /// same section closing every issue.
    static func marks(of blocks: [Block], endsEntry: Bool, in tree: HTMLTree, under root: Int) -> [Bool] {
        var inSponsorSection = false
        var inFooterSection = false
        return blocks.enumerated().map { index, block in
            if endsEntry, index == blocks.count - 1, block.isHeading || block.bytes.last == UInt8(ascii: ":") {
                return true
            }
            if endsEntry, block.isHeading, FeedFooter.isSectionHeading(block.key) {
                inFooterSection = true
            }
            if inFooterSection { return true }
            if EdgeNoise.opensSponsorSection(block) {
                inSponsorSection = true
                return true
            }
            inSponsorSection = inSponsorSection && EdgeNoise.isAdCopy(block, inSponsorSection: true)
            return inSponsorSection || isBoilerplate(block, in: tree, under: root)
        }
    }

    /// Whether `block` carries a boilerplate signal of its own besides being repeated.
    ///
    /// `block` is a block of the article under `root`.
    private static func isBoilerplate(_ block: Block, in tree: HTMLTree, under root: Int) -> Bool {
        if block.linkDensity >= mostlyLinks { return true }
        if readsAsBoilerplate(block) { return true }
        return sitsInBoilerplateElement(block, in: tree, under: root)
    }

    /// Whether the boundary rules name the block's text (or each of its lines) at either edge.
    private static func readsAsBoilerplate(_ block: Block) -> Bool {
        guard block.length <= BoundaryText.maximumRuleLength else { return false }
        let notFreeStanding = block.isHeading || !block.isFreeStanding
        if matches(block.text, linkDensity: block.linkDensity, isHeading: notFreeStanding) { return true }
        return block.lines.count > 1 && block.lines.allSatisfy { matches($0, linkDensity: 0, isHeading: notFreeStanding) }
    }

    /// Whether a head or tail rule names `text`.
    private static func matches(_ text: String, linkDensity: Double, isHeading: Bool) -> Bool {
        BoundaryText.tail(text, linkDensity: linkDensity, isHeading: isHeading) != nil
            || BoundaryText.head(text, isHeading: isHeading, linkDensity: linkDensity) != nil
    }

    /// Whether an element holding the block, below `root`, is navigation, footer, aside or boilerplate.
    ///
    /// Boilerplate as its class, id or role names it (`BoilerplateElements`).
    private static func sitsInBoilerplateElement(_ block: Block, in tree: HTMLTree, under root: Int) -> Bool {
        guard let first = block.nodes.first else { return false }
        var node = first
        while node != root, node > 0 {
            let element = tree.nodes[node]
            if element.kind == .element,
               ["nav", "footer", "aside"].contains(element.name) || BoilerplateElements.reason(for: element) != nil
            {
                return true
            }
            node = element.parent
        }
        return false
    }
}
