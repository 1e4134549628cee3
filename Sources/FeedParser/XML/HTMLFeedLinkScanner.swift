import CLibXML2

/// Finds the feeds an HTML page links to, with libxml2's HTML parser.
///
/// A feed is a `<link rel="alternate" type="application/rss+xml" href="…">`
/// (or Atom, RDF, JSON Feed); libxml2's forgiving parser runs in SAX mode.
final class HTMLFeedLinkScanner {
    private static let options = Int32(
        HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NOBLANKS.rawValue)
    private static let feedTypes: Set<String> = [
        "application/rss+xml", "application/atom+xml", "application/rdf+xml",
        "application/feed+json", "application/json",
    ]

    private var base: String?
    private var links: [String] = []

    private init(base: String?) {
        self.base = base
    }

    /// The absolute URLs of the feeds `page` links to, in page order.
    static func feedLinks(in page: UnsafeBufferPointer<UInt8>, baseURL: String?) -> [String] {
        _ = LibXML2.ready
        let scanner = HTMLFeedLinkScanner(base: baseURL)
        var handler = htmlSAXHandler()
        handler.startElement = { context, name, attributes in
            guard let context, let name else { return }
            Unmanaged<HTMLFeedLinkScanner>.fromOpaque(context).takeUnretainedValue()
                .startElement(String(cString: name), attributes: attributes)
        }
        withExtendedLifetime(scanner) {
            page.withMemoryRebound(to: CChar.self) { bytes in
                fs_html_sax_parse(&handler, Unmanaged.passUnretained(scanner).toOpaque(),
                                  bytes.baseAddress, Int32(bytes.count), options)
            }
        }
        return scanner.links
    }

    private func startElement(_ name: String, attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?) {
        guard name == "link" || name == "base", let attributes else { return }
        var values: [String: String] = [:]
        var index = 0
        while let key = attributes[index] {
            values[String(cString: key).lowercased()] = attributes[index + 1].map { String(cString: $0) } ?? ""
            index += 2
        }
        guard let href = values["href"]?.trimmedOrNil else { return }
        if name == "base" {
            base = URLResolver.resolve(href, against: base)
            return
        }
        let rel = (values["rel"] ?? "").lowercased().split(separator: " ")
        let type = (values["type"] ?? "").trimmingXMLWhitespace().lowercased()
        guard rel.contains("alternate"), Self.feedTypes.contains(type) else { return }
        let url = URLResolver.resolve(href, against: base)
        if !links.contains(url) { links.append(url) }
    }
}
