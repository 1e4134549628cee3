/// What the cleaner's passes need to know about an element name.
///
/// Looked up once when the element enters the tree rather than in every pass.
public struct ElementTraits: OptionSet, Sendable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Starts a new line of text (`p`, `div`, `li`, headings, tables…).
    public static let block = ElementTraits(rawValue: 1 << 0)
    /// A block kept whole even when it holds other blocks (`pre`, `table`).
    public static let atomic = ElementTraits(rawValue: 1 << 1)
    /// Kept in clean HTML (see `Sanitizer.allowedElements`).
    public static let allowed = ElementTraits(rawValue: 1 << 2)
    /// Dropped with its content (`script`, `style`, `form` controls…).
    public static let dropped = ElementTraits(rawValue: 1 << 3)
    /// Written without an end tag (`br`, `img`).
    public static let void = ElementTraits(rawValue: 1 << 4)
    /// Worth writing even with no text inside (void elements, `iframe`, `video`, `audio`, `table`).
    public static let showsWithoutText = ElementTraits(rawValue: 1 << 5)
    /// Left out of clean HTML when nothing visible is inside (see `HTMLWriter.droppedWhenEmpty`).
    public static let droppedWhenEmpty = ElementTraits(rawValue: 1 << 6)
    /// Never article text whatever it is called (`nav`, `aside`, `form`…; see `BoilerplateElements`).
    public static let furniture = ElementTraits(rawValue: 1 << 7)
    /// Not judged by its class or id (headings, inline elements; see `BoilerplateElements`).
    public static let unnamed = ElementTraits(rawValue: 1 << 8)

    // The names the passes and writers single out, as bits rather than
    // string comparisons.
    /// `br`.
    public static let lineBreak = ElementTraits(rawValue: 1 << 9)
    /// `a`.
    public static let link = ElementTraits(rawValue: 1 << 10)
    /// `img`.
    public static let image = ElementTraits(rawValue: 1 << 11)
    /// `li`.
    public static let listItem = ElementTraits(rawValue: 1 << 12)
    /// `ul` and `ol`.
    public static let list = ElementTraits(rawValue: 1 << 13)
    /// `pre`.
    public static let preformatted = ElementTraits(rawValue: 1 << 14)
    /// `td` and `th`.
    public static let cell = ElementTraits(rawValue: 1 << 15)
    /// `tr`, `dt` and `dd`: a line of their own.
    public static let row = ElementTraits(rawValue: 1 << 16)
    /// Never a whole page's article (`nav`, `footer`…; see `ContentExtractor`).
    public static let pageFurniture = ElementTraits(rawValue: 1 << 17)
    /// A whole page's furniture unless it holds much of its prose (`header`, `form`).
    public static let guardedPageFurniture = ElementTraits(rawValue: 1 << 18)

    private static let table: [String: ElementTraits] = {
        var table: [String: ElementTraits] = [:]
        for name in BlockSegmenter.blockElements { table[name, default: []].insert(.block) }
        for name in BlockSegmenter.atomicElements { table[name, default: []].insert(.atomic) }
        for name in Sanitizer.allowedElements.keys { table[name, default: []].insert(.allowed) }
        for name in Sanitizer.droppedElements { table[name, default: []].insert(.dropped) }
        for name in ["br", "hr", "img", "wbr", "col", "source"] { table[name, default: []].formUnion([.void, .showsWithoutText]) }
        for name in ["iframe", "video", "audio", "table"] { table[name, default: []].insert(.showsWithoutText) }
        for name in HTMLWriter.droppedWhenEmpty { table[name, default: []].insert(.droppedWhenEmpty) }
        for name in BoilerplateElements.elements.keys { table[name, default: []].insert(.furniture) }
        for name in BoilerplateElements.unnamedElements { table[name, default: []].insert(.unnamed) }
        for name in ContentExtractor.furnitureElements { table[name, default: []].insert(.pageFurniture) }
        for name in ContentExtractor.guardedFurnitureElements { table[name, default: []].insert(.guardedPageFurniture) }
        let named: [(String, ElementTraits)] = [
            ("br", .lineBreak), ("a", .link), ("img", .image), ("li", .listItem), ("ul", .list), ("ol", .list),
            ("pre", .preformatted), ("td", .cell), ("th", .cell), ("tr", .row), ("dt", .row), ("dd", .row),
        ]
        for (name, trait) in named { table[name, default: []].insert(trait) }
        return table
    }()

    /// The traits of the element `name` (lowercase).
    public static func of(_ name: String) -> ElementTraits {
        table[name] ?? []
    }

    /// The known names of up to eight bytes and their traits, keyed and sorted by the packed bytes.
    ///
    /// The key is the name's bytes packed into an integer: the parser's names are found by a binary
    /// search without making a string first, where a dictionary hashes every key.
    private static let packedTable: [(key: UInt64, name: String, traits: ElementTraits)] = {
        var packed: [(key: UInt64, name: String, traits: ElementTraits)] = []
        for (name, traits) in table where name.utf8.count <= 8 {
            name.withBytes { packed.append((pack($0), name, traits)) }
        }
        return packed.sorted { $0.key < $1.key }
    }()

    private static func pack(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        bytes.reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// The name and traits of the element whose lowercase name is the NUL-terminated `pointer`.
    static func named(_ pointer: UnsafePointer<UInt8>) -> (name: String, traits: ElementTraits) {
        // The bytes packed as `pack(_:)` packs them, the first lowest.
        var length = 0
        var key: UInt64 = 0
        while length <= 8, pointer[length] != 0 {
            if length < 8 { key |= UInt64(pointer[length]) << (8 * UInt64(length)) }
            length += 1
        }
        if length <= 8 {
            let table = packedTable
            var low = 0
            var high = table.count
            while low < high {
                let middle = (low + high) / 2
                if table[middle].key < key { low = middle + 1 } else { high = middle }
            }
            if low < table.count, table[low].key == key { return (table[low].name, table[low].traits) }
        }
        let name = String(cString: pointer)
        return (name, of(name))
    }
}
