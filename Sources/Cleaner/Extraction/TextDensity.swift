/// How much text, and what kind of text, sits under every node of a page:
/// the measures content extraction chooses and prunes by.
///
/// Text is attributed to its nearest block element (a `<p>`, `<li>`, `<div>`
/// …), so a block's own text is its inline text without that of the blocks
/// nested in it. Each block is then *prose* (long enough, or a sentence, and
/// mostly not link text), *neutral* (a heading: articles have them, and so
/// do menus) or *furniture* (short, or mostly links). Every node gets the
/// sums over its subtree. An article's container is the node with much
/// prose and little furniture under it.
///
/// Built in two linear passes over the node array, which works because a
/// node's parent always has a smaller index than the node. Lengths count
/// Unicode scalars with each run of white space as one, so indentation in
/// the source does not count as text and CJK characters count once.
struct TextDensity {
    /// Blocks of at least this many characters are prose unless link-heavy.
    static let proseLength = 80
    /// The shortest length, in characters, of a shorter block that may still be prose.
    ///
    /// Such a block is prose when it holds sentence punctuation and almost no links.
    static let sentenceLength = 30
    /// The share of link text above which a long block is furniture.
    static let proseLinkDensity = 0.33
    /// The share of link text above which a sentence-length block is furniture.
    static let sentenceLinkDensity = 0.2

    /// Whether the node is in the tree: neither it nor an ancestor removed.
    private(set) var live: [Bool]
    /// Characters of live text under the node.
    private(set) var chars: [Int]
    /// Characters of live text inside links under the node.
    private(set) var linkChars: [Int]
    /// Characters of prose blocks under the node.
    private(set) var prose: [Int]
    /// Characters of furniture blocks under the node.
    private(set) var furniture: [Int]
    /// The length and sentence marks of every text node measured, by index.
    ///
    /// Measuring the tree again after a pass removed nodes reads no text
    /// twice: removing nodes changes no text.
    private var textMeasures: [(length: Int, marks: Int)]

    /// Measures every node of `tree`.
    init(_ tree: HTMLTree) {
        self.init(tree, reusing: nil)
    }

    /// Measures every node of `tree` again, reusing what `earlier` measured.
    ///
    /// Passes removed nodes from the tree `earlier` measured and changed no text.
    init(_ tree: HTMLTree, after earlier: TextDensity) {
        self.init(tree, reusing: earlier.textMeasures)
    }

    private init(_ tree: HTMLTree, reusing measured: [(length: Int, marks: Int)]?) {
        let count = tree.nodes.count
        live = [Bool](repeating: false, count: count)
        chars = [Int](repeating: 0, count: count)
        linkChars = [Int](repeating: 0, count: count)
        prose = [Int](repeating: 0, count: count)
        furniture = [Int](repeating: 0, count: count)
        textMeasures = measured ?? [(length: Int, marks: Int)](repeating: (0, 0), count: count)
        guard count > 0 else { return }
        var owner = [Int](repeating: 0, count: count)
        var inLink = [Bool](repeating: false, count: count)
        var own = [Int](repeating: 0, count: count)
        var ownLink = [Int](repeating: 0, count: count)
        var marks = [Int](repeating: 0, count: count)
        var isBlock = [Bool](repeating: false, count: count)

        // Down: liveness, owning block, link context; text to its block.
        // Nodes are read in place: a copy retains every string they hold.
        live[0] = !tree.nodes[0].isRemoved
        isBlock[0] = true
        for index in 1..<count {
            let parent = tree.nodes[index].parent
            guard parent >= 0, live[parent], !tree.nodes[index].isRemoved else { continue }
            live[index] = true
            switch tree.nodes[index].kind {
            case .element:
                let traits = tree.nodes[index].traits
                isBlock[index] = traits.contains(.block)
                owner[index] = isBlock[index] ? index : owner[parent]
                inLink[index] = inLink[parent] || (traits.contains(.link) && !Self.isInPageLink(tree.nodes[index]))
            case .text:
                if measured == nil { textMeasures[index] = tree.withText(of: index) { Self.measure($0) } }
                let measure = textMeasures[index]
                chars[index] = measure.length
                own[owner[parent]] += measure.length
                marks[owner[parent]] += measure.marks
                if inLink[parent] {
                    linkChars[index] = measure.length
                    ownLink[owner[parent]] += measure.length
                }
            case .root:
                break
            }
        }

        // Up: classify each block's own text, then sum into the ancestors.
        for index in stride(from: count - 1, through: 0, by: -1) where live[index] {
            if isBlock[index], own[index] > 0 {
                switch Self.kind(of: tree.nodes[index].name, length: own[index], links: ownLink[index],
                                 marks: marks[index]) {
                case .prose: prose[index] += own[index]
                case .furniture: furniture[index] += own[index]
                case .neutral: break
                }
            }
            let parent = tree.nodes[index].parent
            guard parent >= 0 else { continue }
            chars[parent] += chars[index]
            linkChars[parent] += linkChars[index]
            prose[parent] += prose[index]
            furniture[parent] += furniture[index]
        }
    }

    /// The share of the text under `index` that is link text, 0 to 1.
    func linkDensity(_ index: Int) -> Double {
        chars[index] == 0 ? 0 : Double(linkChars[index]) / Double(chars[index])
    }

    /// Whether `node` links to a named place on the same page (`href="#section"`).
    ///
    /// A heading's own anchor or a table of contents leads nowhere else, so it is not link text. A
    /// bare `#` is a script's button ("close", "share"), furniture like any link.
    static func isInPageLink(_ node: HTMLTree.Node) -> Bool {
        guard let href = node.attribute("href")?.utf8, href.first == UInt8(ascii: "#"), href.count > 1 else {
            return false
        }
        return href.dropFirst().first != UInt8(ascii: "!")
    }

    // MARK: - Classifying blocks

    /// What a block's own text reads as.
    enum BlockKind {
        case prose, neutral, furniture
    }

    /// The kind of a block from its name, the length of its own text, its link text and its marks.
    ///
    /// The block is named `name`; its own text is `length` characters, `links` of them in links,
    /// with `marks` sentence marks.
    static func kind(of name: String, length: Int, links: Int, marks: Int) -> BlockKind {
        // `h2` to `h6`, read as bytes: this runs for every block of a page.
        let isHeading = name.withBytes { bytes in
            bytes.count == 2 && bytes[0] == UInt8(ascii: "h") && (UInt8(ascii: "2")...UInt8(ascii: "6")).contains(bytes[1])
        }
        if isHeading { return .neutral }
        let density = Double(links) / Double(max(1, length))
        // Table cells are short by nature; in a data table they are content.
        if name == "td" || name == "th" { return density < sentenceLinkDensity ? .prose : .furniture }
        if length >= proseLength { return density < proseLinkDensity ? .prose : .furniture }
        if length >= sentenceLength, marks > 0, density < sentenceLinkDensity { return .prose }
        return .furniture
    }

    /// The visible length of `text` and how many sentence marks it holds.
    ///
    /// White space runs count one. Sentence marks are Latin and CJK
    /// full stops, commas, question and exclamation marks.
    static func measure(_ text: String) -> (length: Int, marks: Int) {
        text.withBytes { measure($0) }
    }

    /// The visible length and sentence marks of UTF-8 `text`, as `measure(_:)` counts them.
    ///
    /// Every byte of a page's text passes here:
    /// eight bytes of ASCII count at once, their white space and marks
    /// flagged a byte each.
    static func measure(_ text: UnsafeBufferPointer<UInt8>) -> (length: Int, marks: Int) {
        var length = 0
        var marks = 0
        var inSpace = false
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        var index = 0
        let count = text.count
        let raw = UnsafeRawPointer(text.baseAddress)
        while index < count {
            if let raw, index + 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let highs: UInt64 = 0x8080_8080_8080_8080
                if word & highs == 0 {
                    let spaces = ByteSearch.bytes(equalTo: 0x20, in: word) | ByteSearch.bytes(equalTo: 0x09, in: word)
                        | ByteSearch.bytes(equalTo: 0x0A, in: word) | ByteSearch.bytes(equalTo: 0x0D, in: word)
                    // Each byte's flag moved onto the next: a space after a space does not count.
                    let afterSpace = spaces << 8 | (inSpace ? 0x80 : 0)
                    length += (~spaces & highs | spaces & ~afterSpace).nonzeroBitCount
                    marks += (ByteSearch.bytes(equalTo: UInt8(ascii: "."), in: word)
                        | ByteSearch.bytes(equalTo: UInt8(ascii: ","), in: word)
                        | ByteSearch.bytes(equalTo: UInt8(ascii: "!"), in: word)
                        | ByteSearch.bytes(equalTo: UInt8(ascii: "?"), in: word)).nonzeroBitCount
                    inSpace = spaces >> 63 != 0
                    beforePrevious = UInt8(truncatingIfNeeded: word >> 48)
                    previous = UInt8(truncatingIfNeeded: word >> 56)
                    index += 8
                    continue
                }
            }
            let byte = text[index]
            switch byte {
            case 0x09, 0x0A, 0x0D, 0x20:
                if !inSpace { length += 1 }
                inSpace = true
            default:
                inSpace = false
                if byte & 0xC0 != 0x80 { length += 1 }
                switch byte {
                case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: "!"), UInt8(ascii: "?"):
                    marks += 1
                // 。 (E3 80 82), 、 (E3 80 81), and the full-width ， ！ ？ (EF BC 8C, 81, 9F).
                case 0x81, 0x82, 0x8C, 0x9F:
                    if (previous == 0x80 && beforePrevious == 0xE3 && byte <= 0x82)
                        || (previous == 0xBC && beforePrevious == 0xEF && byte != 0x82)
                    {
                        marks += 1
                    }
                default:
                    break
                }
            }
            beforePrevious = previous
            previous = byte
            index += 1
        }
        return (length, marks)
    }
}
