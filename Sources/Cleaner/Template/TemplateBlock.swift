/// One block of an entry as feed templates compare it.
///
/// The identity of its text and link targets, and its length.
///
/// Two blocks match only when they are identical: the same element, the
/// same text (case and digits included, white space collapsed) and the same
/// link and image targets in the same order. A footer that names another
/// version, count, author or URL in each entry is a different block in each.
/// The only differences ignored are those the cleaner removes anyway:
/// tracking parameters in URLs (`utm_*`…) and tracker links and pixels,
/// which feeds make different for every entry.
struct TemplateBlock: Equatable {
    /// The fewest characters a block needs to be told apart from ordinary prose ("Thanks!", "Hi all,").
    ///
    /// Shorter blocks are removed only inside a run of template blocks that holds a longer one.
    static let minimumLength = 12

    /// The FNV-1a hash of the element name, the text and the link targets.
    let fingerprint: UInt64
    /// The length of the text in UTF-8 bytes.
    let length: Int
    /// Whether the text has at least `minimumLength` characters.
    let isLong: Bool
    /// Whether the block introduces the one after it.
    ///
    /// It does as a heading, or a label ending in a colon ("In this episode we cover:", "Links:").
    let introducesNext: Bool

    /// The template identity of `block`, a block of `tree`.
    init(_ block: Block, in tree: HTMLTree) {
        var hash = FNV1a()
        hash.add(contentsOf: block.element ?? "")
        hash.add(0)
        var characters = 0
        for byte in block.bytes {
            hash.add(byte)
            // Counts the bytes that start a character, not continue one.
            if byte & 0xC0 != 0x80 { characters += 1 }
        }
        for node in block.nodes {
            Self.addTargets(under: node, of: tree, to: &hash)
        }
        fingerprint = hash.value
        length = block.length
        isLong = characters >= Self.minimumLength
        introducesNext = block.isHeading || block.bytes.last == UInt8(ascii: ":") || block.bytes.suffix(3).elementsEqual("：".utf8)
    }

    /// The blocks of the article under `root`, in reading order.
    static func blocks(of tree: HTMLTree, under root: Int = HTMLTree.root) -> [(block: Block, key: TemplateBlock)] {
        BlockSegmenter.blocks(of: tree, under: root).map { ($0, TemplateBlock($0, in: tree)) }
    }

    /// Hashes the targets of the links and images in the subtree of `index`, in document order.
    ///
    /// Trackers and tracking parameters are left out.
    private static func addTargets(under index: Int, of tree: HTMLTree, to hash: inout FNV1a) {
        var node = index
        let end = tree.subtreeEnd(of: index)
        while node < end {
            let element = tree.nodes[node]
            if element.isRemoved {
                node = tree.subtreeEnd(of: node)
                continue
            }
            node += 1
            guard element.kind == .element else { continue }
            if element.traits.contains(.link), let href = element.attribute("href"), !Tracking.isTracker(href) {
                hash.add(1)
                hash.add(contentsOf: Tracking.strippingParameters(href))
            } else if element.traits.contains(.image), Tracking.imageReason(element) == nil {
                hash.add(2)
                hash.add(contentsOf: element.attribute("src") ?? "")
            }
        }
    }
}

/// The 64-bit FNV-1a hash, fed a byte at a time.
struct FNV1a {
    /// The hash of what was added so far.
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    /// Adds one byte.
    mutating func add(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    /// Adds the UTF-8 bytes of `text`.
    mutating func add(contentsOf text: String) {
        for byte in text.utf8 { add(byte) }
    }

    /// Adds the eight bytes of `number`.
    mutating func add(number: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { add(UInt8(truncatingIfNeeded: number >> UInt64(shift))) }
    }
}
