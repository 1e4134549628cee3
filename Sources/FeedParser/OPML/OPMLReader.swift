import CLibXML2

/// The libxml2 edge of the OPML reader: collects a document's `<outline>` elements and folders.
///
/// It runs libxml2's SAX2 parser over one UTF-8 document and keeps
/// each `<outline>` with the folders it sits in.
///
/// The document is first passed through `XMLRepair`, so named references
/// are numeric and a bare `&` is text; then it is parsed in recovery mode
/// (subscription lists exported by hand-written tools are often broken).
/// No handler resolves entities, so nothing the document declares expands,
/// and `NONET` is set while `NOENT`, `DTDLOAD` and `XINCLUDE` never are.
///
/// Threading: one reader serves one parse on one thread.
final class OPMLReader {
    private static let options = XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
        | XML_PARSE_NOWARNING.rawValue | XML_PARSE_RECOVER.rawValue | XML_PARSE_IGNORE_ENC.rawValue
    /// Folders deeper than this are read as if at this depth; real lists nest two or three.
    private static let maximumFolderDepth = 32

    /// The root element's local name, once seen.
    private(set) var rootName: String?
    /// The outlines that name a feed, in document order.
    private(set) var outlines: [Outline] = []
    /// The titles of the folders enclosing the current element.
    /// nil for an outline that is itself a feed (it encloses no folder of its own).
    private var folders: [String?] = []
    /// Elements open inside `<body>`-level outlines, to pop `folders` on the right end tag.
    private var elementStack: [Bool] = []

    /// One `<outline>` with a feed URL, and the titles of the folders it sits in, outermost first.
    ///
    /// Any URL counts: the caller decides.
    struct Outline {
        /// Attribute names lowercased, values as the document gives them.
        var attributes: [String: String]
        /// The enclosing folders' titles, outermost first.
        var folders: [String]
    }

    /// Reads `document` (UTF-8) and returns the reader that saw it.
    static func read(_ document: [UInt8]) -> OPMLReader {
        let reader = OPMLReader()
        var handler = makeHandler()
        let repaired = document.withUnsafeBufferPointer { XMLRepair.repair($0) }
        withExtendedLifetime(reader) {
            repaired.withUnsafeBufferPointer { bytes in
                bytes.withMemoryRebound(to: CChar.self) { chars in
                    let user = Unmanaged.passUnretained(reader).toOpaque()
                    _ = fs_xml_sax_parse(&handler, user, chars.baseAddress, Int32(chars.count), Int32(options))
                }
            }
        }
        return reader
    }

    private static func makeHandler() -> xmlSAXHandler {
        var handler = xmlSAXHandler()
        handler.initialized = UInt32(XML_SAX2_MAGIC)
        handler.startElementNs = { context, localName, _, _, _, _, attributeCount, _, attributes in
            guard let localName else { return }
            let reader = Unmanaged<OPMLReader>.fromOpaque(context!).takeUnretainedValue()
            reader.startElement(String(cString: localName), attributeCount: Int(attributeCount), attributes: attributes)
        }
        handler.endElementNs = { context, _, _, _ in
            Unmanaged<OPMLReader>.fromOpaque(context!).takeUnretainedValue().endElement()
        }
        return handler
    }

    private func startElement(_ name: String, attributeCount: Int,
                              attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?) {
        if rootName == nil { rootName = name }
        guard name.lowercased() == "outline" else {
            elementStack.append(false)
            return
        }
        elementStack.append(true)
        var values: [String: String] = [:]
        if attributeCount > 0, let attributes {
            for index in 0..<attributeCount {
                // Five pointers per attribute: local name, prefix, URI, value start and end.
                let base = attributes + index * 5
                guard let key = base[0], let start = base[3], let end = base[4] else { continue }
                let value = String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self)
                values[String(cString: key).lowercased()] = value.replacing("&#38;", with: "&")
            }
        }
        let enclosing = folders.compactMap { $0 }
        if values["xmlurl"] != nil || values["url"] != nil {
            outlines.append(Outline(attributes: values, folders: enclosing))
        }
        let isFolder = values["xmlurl"] == nil && enclosing.count < Self.maximumFolderDepth
        let title = (values["title"] ?? values["text"])?.trimmingXMLWhitespace()
        folders.append(isFolder ? (title?.isEmpty == false ? title : nil) : nil)
    }

    private func endElement() {
        guard let wasOutline = elementStack.popLast() else { return }
        if wasOutline { folders.removeLast() }
    }
}
