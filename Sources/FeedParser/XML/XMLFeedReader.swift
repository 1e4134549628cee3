import CLibXML2

/// The libxml2 edge of the parser: turns one UTF-8 document into events for a `FeedBuilder`.
///
/// It runs libxml2's SAX2 parser over the document and hands element
/// and text events to the builder.
///
/// Safety comes from what the handler leaves out: entity declarations are
/// never registered and only HTML's named character entities resolve (to
/// plain characters), so no entity can expand into markup, recurse or load
/// anything; the process-wide entity loader refuses every URL; `NONET` is set
/// and `NOENT`, `DTDLOAD`, `XINCLUDE` and `HUGE` never are.
///
/// Its stored properties are `@exclusivity(unchecked)`: the SAX callbacks
/// mutate them thousands of times a document, and Swift would check each
/// access for exclusivity at run time, through thread-local storage (about
/// 5% of a parse). No access overlaps another: libxml2 calls one callback at
/// a time, and each returns before the next.
///
/// Threading: one reader serves one parse on one thread.
final class XMLFeedReader {
    /// libxml2's options: no network, errors to the structured handler only, CDATA as characters.
    ///
    /// The document is UTF-8 by then (see `DocumentEncoding`), whatever its declaration says:
    /// `IGNORE_ENC` keeps libxml2 from decoding it twice.
    private static let options = XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
        | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_IGNORE_ENC.rawValue
    /// How many distinct undeclared entity names a document may use before the parse repairs them.
    /// Beyond it the parse falls back to repairing them; this bounds the entity cache.
    private static let maximumEntities = 1024
    /// How many error lines a feed keeps; a broken feed can have thousands.
    private static let maximumErrors = 5

    /// How a pass reads the document.
    private enum Pass {
        /// libxml2's push parser over the whole document at once, strict.
        /// libxml2 2.9 reads a CDATA section there with one scan for its end,
        /// where the pull parser decodes it character by character. The push
        /// parser lacks the pull parser's nesting limit and words some errors
        /// differently, so this pass gives up on anything out of the ordinary
        /// (see `isComplete`), and the strict pass reads the document again.
        case quick
        /// libxml2's pull parser, stopping at the first error.
        case strict
        /// libxml2's pull parser in recovery mode, going on to the end.
        case recovering
    }

    /// The pull parser's nesting limit (libxml2's `xmlParserMaxDepth`), which the quick pass enforces itself.
    private static let maximumDepth = 256
    /// The largest document the quick pass reads. libxml2 2.9's push parser
    /// halts with "Huge input lookup" once more than 10,000,000 bytes lie
    /// ahead of it, and can read the buffer it just freed while doing so;
    /// below this size that never happens, nor can a CDATA section reach
    /// the 10,000,000 bytes at which the pull parser refuses it.
    private static let maximumQuickBytes = 9_000_000

    private let pass: Pass
    @exclusivity(unchecked) private(set) var builder: FeedBuilder
    @exclusivity(unchecked) private var names = NameTable()
    /// The attributes of the element being started.
    /// Its memory is reused from element to element (the builder keeps no `XMLAttributes`).
    @exclusivity(unchecked) private var attributeList: [XMLAttributes.Attribute] = []
    @exclusivity(unchecked) private var entities: [String: UnsafeMutablePointer<xmlEntity>] = [:]
    /// Owns the entities in `entities`.
    private let entityTable = fs_xml_new_entity_table()
    @exclusivity(unchecked) private(set) var errors: [XMLProblem] = []
    @exclusivity(unchecked) private(set) var errorCount = 0
    @exclusivity(unchecked) private(set) var declaresEntities = false
    /// Names the document declares; never expanded, and not "undefined".
    @exclusivity(unchecked) private var declaredEntities: Set<String> = []
    /// Names of entities neither XML nor HTML defines, kept as literal text.
    @exclusivity(unchecked) private(set) var undefinedEntities: [String] = []
    /// An entity was resolved and no characters followed before the next element began:
    /// it was in an attribute value.
    @exclusivity(unchecked) private var entityAwaitingCharacters = false
    /// The document uses an entity in an attribute, which `XMLRepair` must rewrite first.
    /// In an attribute libxml2 keeps only the first byte of a predefined
    /// entity's text: the entity must become a numeric reference.
    @exclusivity(unchecked) private(set) var needsRepair = false
    /// How many elements are open.
    @exclusivity(unchecked) private var depth = 0
    /// The push parser of a quick pass, while it runs.
    @exclusivity(unchecked) private var pushParser: xmlParserCtxtPtr?
    /// The quick pass met something only the strict pass may judge.
    @exclusivity(unchecked) private var gaveUp = false
    /// The document was read to its end, well-formed, without the quick pass giving up:
    /// what the builder holds is final.
    @exclusivity(unchecked) private(set) var isComplete = false

    private init(pass: Pass, baseURL: String?) {
        self.pass = pass
        builder = FeedBuilder(baseURL: baseURL)
    }

    deinit {
        fs_xml_free_entity_table(entityTable)
    }

    /// Parses `document` (UTF-8, at most 2 GiB) and returns the reader that saw it.
    /// The reader holds its builder and the errors found. Without `recover`,
    /// libxml2 stops at the first error: the quick pass reads the document
    /// when it is small enough, and the strict pass reads it again when the
    /// quick pass could not judge it. With `recover`, libxml2 goes on to the end.
    static func read(_ document: UnsafeBufferPointer<UInt8>, baseURL: String?, recover: Bool) -> XMLFeedReader {
        if recover { return read(document, baseURL: baseURL, pass: .recovering) }
        if document.count <= maximumQuickBytes {
            let quick = read(document, baseURL: baseURL, pass: .quick)
            if quick.isComplete { return quick }
        }
        return read(document, baseURL: baseURL, pass: .strict)
    }

    private static func read(_ document: UnsafeBufferPointer<UInt8>, baseURL: String?, pass: Pass) -> XMLFeedReader {
        _ = LibXML2.ready
        let reader = XMLFeedReader(pass: pass, baseURL: baseURL)
        var handler = makeHandler()
        withExtendedLifetime(reader) {
            document.withMemoryRebound(to: CChar.self) { bytes in
                let user = Unmanaged.passUnretained(reader).toOpaque()
                let length = Int32(bytes.count)
                let wellFormed: Int32
                switch pass {
                case .quick:
                    guard let parser = fs_xml_new_push_parser(&handler, user, Int32(options)) else { return }
                    reader.pushParser = parser
                    wellFormed = fs_xml_push_parse(parser, bytes.baseAddress, length)
                    reader.pushParser = nil
                    fs_xml_free_push_parser(parser)
                case .strict:
                    wellFormed = fs_xml_sax_parse(&handler, user, bytes.baseAddress, length, Int32(options))
                case .recovering:
                    wellFormed = fs_xml_sax_parse(&handler, user, bytes.baseAddress, length,
                                                  Int32(options | XML_PARSE_RECOVER.rawValue))
                }
                reader.isComplete = wellFormed == 1 && reader.errorCount == 0 && !reader.gaveUp
            }
        }
        return reader
    }

    /// Ends a quick pass early: the strict pass must read the document.
    private func giveUp() {
        guard pass == .quick, !gaveUp, let pushParser else { return }
        gaveUp = true
        fs_xml_stop_parser(pushParser)
    }

    // MARK: - Callbacks

    private static func makeHandler() -> xmlSAXHandler {
        var handler = xmlSAXHandler()
        handler.initialized = UInt32(XML_SAX2_MAGIC)
        handler.startElementNs = { context, localName, prefix, uri, _, _, attributeCount, _, attributes in
            guard let localName else { return }
            withReader(context) {
                $0.startElement(localName, prefix: prefix, uri: uri,
                                attributeCount: Int(attributeCount), attributes: attributes)
            }
        }
        handler.endElementNs = { context, _, _, _ in
            withReader(context) { reader in
                reader.depth -= 1
                reader.builder.endElement()
            }
        }
        handler.characters = { context, bytes, length in
            guard let bytes, length > 0 else { return }
            withReader(context) { $0.characters(UnsafeBufferPointer(start: bytes, count: Int(length))) }
        }
        handler.ignorableWhitespace = handler.characters
        handler.getEntity = { context, name in
            guard let name else { return nil }
            return withReader(context) { $0.entity(named: name) }
        }
        handler.entityDecl = { context, name, _, _, _, _ in
            withReader(context) { reader in
                reader.declaresEntities = true
                if let name { reader.declaredEntities.insert(String(cString: name)) }
            }
        }
        handler.serror = { context, error in
            guard let error else { return }
            withReader(context) { $0.record(error) }
        }
        return handler
    }

    private func startElement(
        _ localName: UnsafePointer<UInt8>, prefix: UnsafePointer<UInt8>?, uri: UnsafePointer<UInt8>?,
        attributeCount: Int, attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
    ) {
        if entityAwaitingCharacters {
            entityAwaitingCharacters = false
            needsRepair = true
        }
        depth += 1
        if depth > Self.maximumDepth {
            giveUp()
            // Stopping the push parser frees the input its attribute
            // pointers point into: nothing of this element may be read.
            if gaveUp { return }
        }
        if !attributeList.isEmpty { attributeList.removeAll(keepingCapacity: true) }
        if attributeCount > 0, let attributes {
            for index in 0..<attributeCount {
                // libxml2 passes five pointers per attribute: local name,
                // prefix, URI, value start and value end.
                let base = attributes + index * 5
                guard let name = base[0], let start = base[3], let end = base[4] else { continue }
                attributeList.append(XMLAttributes.Attribute(
                    name: names.localName(name),
                    namespace: names.namespace(uri: base[2], prefix: base[1]),
                    rawName: name,
                    rawValue: UnsafeBufferPointer(start: start, count: end - start)))
            }
        }
        let list = XMLAttributes(list: attributeList)
        builder.startElement(names.localName(localName), namespace: names.namespace(uri: uri, prefix: prefix),
                             rawName: localName, attributes: list)
    }

    private func characters(_ text: UnsafeBufferPointer<UInt8>) {
        entityAwaitingCharacters = false
        builder.characters(text)
    }

    /// Every entity reference the document makes, as a predefined entity whose text libxml2 pastes as plain characters:
    /// HTML's named entities (`&nbsp;`, `&eacute;`), which feeds use without
    /// declaring, stand for their character; any other name, including those
    /// the document declares itself, stands for its own reference as literal
    /// text (`&foo;`), as `XMLRepair` writes it. Nothing the document declares
    /// ever expands.
    private func entity(named pointer: UnsafePointer<UInt8>) -> UnsafeMutablePointer<xmlEntity>? {
        let name = String(cString: pointer)
        entityAwaitingCharacters = true
        if let known = entities[name] { return known }
        guard entities.count < Self.maximumEntities else { return nil }
        let scalar = HTMLEntities.scalar(named: name)
        if scalar == nil, !declaredEntities.contains(name) { undefinedEntities.append(name) }
        let text = scalar.map { String(Character($0)) } ?? "&\(name);"
        guard let entityTable, let entity = fs_xml_add_predefined_entity(entityTable, name, text) else { return nil }
        entities[name] = entity
        return entity
    }

    private func record(_ error: UnsafeMutablePointer<xmlError>) {
        guard error.pointee.level == XML_ERR_FATAL || error.pointee.level == XML_ERR_ERROR else { return }
        errorCount += 1
        guard errors.count < Self.maximumErrors else { return }
        let message = error.pointee.message.map { String(cString: $0) } ?? "unknown error"
        let line = Int(fs_xml_error_line(error))
        errors.append(XMLProblem(line: line, message: PlainText.collapsingWhitespace(message)))
    }
}

/// Runs `body` on the reader a SAX callback's context pointer stands for, without retaining it:
/// `read` keeps the reader alive for the whole parse. A free function, because
/// C callbacks must not capture anything, not even `Self`.
@inline(__always)
private func withReader<Result>(_ context: UnsafeMutableRawPointer?,
                                _ body: (XMLFeedReader) -> Result) -> Result {
    Unmanaged<XMLFeedReader>.fromOpaque(context!)._withUnsafeGuaranteedRef(body)
}

/// libxml2 as a whole, for this module.
enum LibXML2 {
    /// Sets libxml2 up the first time it is read (Swift runs a static's initialiser once, under a lock):
    /// initialised for threads, and the external entity loader refusing every
    /// URL installed for the process.
    static let ready: Void = fs_xml_set_up()
}

/// One error libxml2 reported and recovered from.
struct XMLProblem: CustomStringConvertible {
    var line: Int
    var message: String
    var description: String { "line \(line): \(message)" }
}

/// HTML 4's named character references, from libxml2's table.
enum HTMLEntities {
    /// The character `&name;` stands for, or nil.
    static func scalar(named name: String) -> Unicode.Scalar? {
        let value = fs_html_entity_value(name)
        return value == 0 ? nil : Unicode.Scalar(value)
    }
}
