import CLibXML2

/// The libxml2 edge of the cleaner: parses UTF-8 HTML into an `HTMLTree`.
///
/// It uses libxml2's forgiving HTML parser in SAX mode.
///
/// libxml2 supplies what a browser would: implied `html`/`body`, end tags
/// HTML leaves out (`<p>`, `<li>`), and character references. Comments,
/// processing instructions and script and style text are dropped, except the
/// text of JSON-LD scripts (`application/ld+json`), which content extraction
/// reads for a page's `articleBody`.
///
/// Threading: one builder serves one parse on one thread. The callbacks
/// reach it through a pointer to the caller's stack, which counts no
/// references: they run tens of times for every fragment.
struct HTMLTreeBuilder {
    private static let options = Int32(
        HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)
    /// The deepest nesting kept; deeper nesting is flattened into its ancestor.
    ///
    /// No real page needs it, and the passes that walk the tree stay cheap.
    private static let maximumDepth = 512

    private var tree = HTMLTree()
    private var current = HTMLTree.root
    private var depth = 0
    /// Elements opened beyond `maximumDepth`, not in the tree.
    private var overflow = 0
    /// Element names and traits by the pointer libxml2 passed the name with.
    ///
    /// Its parser interns names in a dictionary that lives as long as the parse, so one pointer is
    /// always one name, and most elements skip making the string and looking up its traits.
    private var knownNamePointers: [UnsafePointer<UInt8>] = []
    private var knownNames: [(name: String, traits: ElementTraits)] = []
    /// Attribute names, interned the same way.
    private var knownAttributePointers: [UnsafePointer<UInt8>] = []
    private var knownAttributes: [String] = []
    /// Enough for the names of most pages; later names are not remembered.
    private static let knownNamesLimit = 64
    /// The document whose prose stands behind the placeholders of a `ProseMask`, and the runs.
    ///
    /// `runsRestored` counts how many have come out so far.
    private let prose: (html: UnsafeBufferPointer<UInt8>, runs: [Range<Int>])?
    private var runsRestored = 0
    /// Whether a placeholder came out where its kind does not belong, or more came out than went in.
    private var sawStrayPlaceholder = false

    private init(prose: (html: UnsafeBufferPointer<UInt8>, runs: [Range<Int>])?) {
        self.prose = prose
    }

    /// The tree of `html` (UTF-8).
    static func parse(_ html: UnsafeBufferPointer<UInt8>) -> HTMLTree {
        if let mask = ProseMask(html),
           let tree = mask.document.withUnsafeBufferPointer({ parse($0, prose: (html, mask.runs)) })
        {
            return tree
        }
        return parse(html, prose: nil)!
    }

    /// Makes libxml2 ready for use from any thread, once per process. The
    /// HTML parser never loads external entities, so this module needs no
    /// entity loader (FeedParser installs one for XML).
    private static let libxml2Ready: Void = xmlInitParser()

    /// The tree of `html`, whose runs of prose may stand behind placeholders.
    ///
    /// Nil when they did not all come back, one each.
    static func parse(_ html: UnsafeBufferPointer<UInt8>,
                              prose: (html: UnsafeBufferPointer<UInt8>, runs: [Range<Int>])?) -> HTMLTree? {
        var builder = HTMLTreeBuilder(prose: prose)
        guard !html.isEmpty else { return builder.tree }
        _ = libxml2Ready
        // About one node for every 24 bytes of HTML: growing the array
        // moves every node.
        let size = prose?.html.count ?? html.count
        builder.tree.nodes.reserveCapacity(size / 24 + 8)
        // Text is never longer than the HTML it comes from, short of a
        // character reference whose character is longer than it (rare).
        builder.tree.reserveTextCapacity(size)
        // A fragment names a dozen or two elements and attributes: room for
        // them at once, not array growth by doubling.
        builder.knownNamePointers.reserveCapacity(32)
        builder.knownNames.reserveCapacity(32)
        builder.knownAttributePointers.reserveCapacity(16)
        builder.knownAttributes.reserveCapacity(16)
        var handler = htmlSAXHandler()
        handler.startElement = { context, name, attributes in
            guard let name else { return }
            builderAt(context).pointee.startElement(name, attributes: attributes)
        }
        handler.endElement = { context, _ in
            builderAt(context).pointee.endElement()
        }
        handler.characters = { context, bytes, length in
            guard let bytes, length > 0 else { return }
            builderAt(context).pointee.characters(UnsafeBufferPointer(start: bytes, count: Int(length)))
        }
        handler.ignorableWhitespace = handler.characters
        // Script and style text comes as CDATA blocks; ignoring them drops it.
        handler.cdataBlock = { _, _, _ in }
        withUnsafeMutablePointer(to: &builder) { pointer in
            html.withMemoryRebound(to: CChar.self) { bytes in
                fs_html_sax_parse(&handler, pointer, bytes.baseAddress, Int32(bytes.count), options)
            }
        }
        if let prose, builder.sawStrayPlaceholder || builder.runsRestored != prose.runs.count { return nil }
        return builder.tree
    }

    private mutating func startElement(_ namePointer: UnsafePointer<UInt8>,
                                       attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?) {
        guard depth < Self.maximumDepth else {
            overflow += 1
            return
        }
        let (name, traits) = nameAndTraits(namePointer)
        var list: [(name: String, value: String)] = []
        if let attributes {
            var count = 0
            while attributes[count] != nil { count += 2 }
            list.reserveCapacity(count / 2)
            var index = 0
            while let key = attributes[index] {
                list.append((attributeName(key), attributes[index + 1].map { attributeValue($0) } ?? ""))
                index += 2
            }
        }
        current = tree.appendElement(name, traits: traits, attributes: list, to: current)
        depth += 1
    }

    private mutating func nameAndTraits(_ pointer: UnsafePointer<UInt8>) -> (String, ElementTraits) {
        if let known = knownNamePointers.firstIndex(of: pointer) { return knownNames[known] }
        let (name, traits) = ElementTraits.named(pointer)
        if knownNames.count < Self.knownNamesLimit {
            knownNamePointers.append(pointer)
            knownNames.append((name, traits))
        }
        return (name, traits)
    }

    private mutating func attributeName(_ pointer: UnsafePointer<UInt8>) -> String {
        if let known = knownAttributePointers.firstIndex(of: pointer) { return knownAttributes[known] }
        let name = String(cString: pointer)
        if knownAttributes.count < Self.knownNamesLimit {
            knownAttributePointers.append(pointer)
            knownAttributes.append(name)
        }
        return name
    }

    /// The value libxml2 passed, or the run its placeholder stands for.
    private mutating func attributeValue(_ pointer: UnsafePointer<UInt8>) -> String {
        guard let prose else { return String(cString: pointer) }
        // A masked value comes out as its placeholder alone.
        if pointer[0] == 0xEE, pointer[1] == 0x80, pointer[2] == ProseMask.valuePlaceholder, pointer[3] == 0,
           runsRestored < prose.runs.count
        {
            runsRestored += 1
            return String(decoding: UnsafeBufferPointer(rebasing: prose.html[prose.runs[runsRestored - 1]]), as: UTF8.self)
        }
        let value = String(cString: pointer)
        value.withBytes { bytes in
            var index = 0
            while let lead = ByteSearch.firstIndex(of: 0xEE, in: bytes, from: index) {
                if ProseMask.placeholder(in: bytes, at: lead) != nil { sawStrayPlaceholder = true }
                index = lead + 1
            }
        }
        return value
    }

    private mutating func endElement() {
        if overflow > 0 {
            overflow -= 1
            return
        }
        guard current != HTMLTree.root else { return }
        current = tree.nodes[current].parent
        depth -= 1
    }

    /// Adds text, which libxml2 hands over in pieces: the tree joins them into one node.
    ///
    /// The pieces break before and after each character reference. libxml2 passes only valid UTF-8,
    /// whatever the input held.
    private mutating func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let prose else {
            tree.appendText(bytes, to: current)
            return
        }
        // Each text placeholder stands for the next run of prose.
        var start = 0
        var index = 0
        while let lead = ByteSearch.firstIndex(of: 0xEE, in: bytes, from: index) {
            guard let kind = ProseMask.placeholder(in: bytes, at: lead) else {
                index = lead + 1
                continue
            }
            guard kind == ProseMask.textPlaceholder, runsRestored < prose.runs.count else {
                sawStrayPlaceholder = true
                return
            }
            if lead > start { tree.appendText(UnsafeBufferPointer(rebasing: bytes[start..<lead]), to: current) }
            tree.appendText(UnsafeBufferPointer(rebasing: prose.html[prose.runs[runsRestored]]), to: current)
            runsRestored += 1
            start = lead + 3
            index = start
        }
        if start < bytes.count { tree.appendText(UnsafeBufferPointer(rebasing: bytes[start...]), to: current) }
    }
}

/// The builder a SAX callback's context pointer stands for. A free function,
/// because C callbacks must not capture anything.
private func builderAt(_ context: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<HTMLTreeBuilder> {
    context!.assumingMemoryBound(to: HTMLTreeBuilder.self)
}
