/// Reads RSS 0.90–2.0, RSS 1.0, Atom 0.3 and 1.0 and JSON Feed documents into `Feed` values.
///
/// The parser decodes the document to UTF-8 first (BOM, HTTP charset, XML
/// declaration, with lying declarations detected), then streams it through
/// libxml2's SAX parser in recovery mode, so a broken feed still yields every
/// entry libxml2 can reach; what was recovered from is in `Feed.warnings`.
/// It never reads the network or the disk on a document's behalf.
public struct FeedParser: Sendable {
    /// The largest document accepted, in bytes.
    public var maximumBytes: Int

    /// Makes a parser that accepts documents up to `maximumBytes`.
    /// 64 MiB by default; the fetcher caps downloads lower.
    public init(maximumBytes: Int = 64 << 20) {
        self.maximumBytes = maximumBytes
    }

    /// Parses one feed document.
    /// - Parameters:
    ///   - document: The raw bytes, in any encoding the feed or HTTP declares.
    ///   - baseURL: The URL the document came from, against which relative
    ///     links are resolved (after any `xml:base`).
    ///   - charset: The `charset` of the HTTP `Content-Type`, which overrides
    ///     the XML declaration.
    /// - Throws: `FeedParseError` when the document is not a feed.
    public func parse(_ document: [UInt8], baseURL: String? = nil, charset: String? = nil)
        throws(FeedParseError) -> Feed
    {
        guard document.count <= maximumBytes else {
            throw .tooLarge(bytes: document.count, limit: maximumBytes)
        }
        let decoded = DocumentEncoding.decode(document, httpCharset: charset)
        let result: Result<Feed, FeedParseError> = decoded.bytes.withUnsafeBufferPointer { bytes in
            switch DocumentSniffer.kind(of: bytes) {
            case .empty: return .failure(.empty)
            case .binary: return .failure(.binary)
            case .plainText: return .failure(.plainText)
            case .html:
                return .failure(.htmlPage(advertisedFeeds: HTMLFeedLinkScanner.feedLinks(in: bytes, baseURL: baseURL)))
            case .json:
                return Result { () throws(FeedParseError) in try JSONFeedReader.parse(bytes, baseURL: baseURL) }
            case .xml(let offset):
                return Result { () throws(FeedParseError) in
                    try parseXML(UnsafeBufferPointer(rebasing: bytes[offset...]), whole: bytes, baseURL: baseURL)
                }
            }
        }
        var feed = try result.get()
        if let note = decoded.note { feed.warnings.insert(note, at: 0) }
        return feed
    }

    private func parseXML(_ bytes: UnsafeBufferPointer<UInt8>, whole: UnsafeBufferPointer<UInt8>,
                          baseURL: String?) throws(FeedParseError) -> Feed {
        // The fast path: one strict streaming pass (a quick one, see
        // `XMLFeedReader.Pass`). Only a broken document (or one with entities
        // in attribute values) pays for the repair and a recovering pass.
        var pass = XMLFeedReader.read(bytes, baseURL: baseURL, recover: false)
        let firstError = pass.errors.first
        let undefinedEntities = pass.undefinedEntities
        if pass.errorCount > 0 || pass.needsRepair {
            let repaired = XMLRepair.repair(bytes)
            pass = repaired.withUnsafeBufferPointer { XMLFeedReader.read($0, baseURL: baseURL, recover: true) }
        }
        var builder = pass.builder
        if builder.isHTMLPage {
            throw .htmlPage(advertisedFeeds: HTMLFeedLinkScanner.feedLinks(in: whole, baseURL: baseURL))
        }
        var warnings: [String] = []
        if let firstError {
            let more = pass.errorCount > 1 ? " (and \(pass.errorCount - 1) more)" : ""
            warnings.append("recovered from broken XML: \(firstError)\(more)")
        }
        if pass.declaresEntities {
            warnings.append("the document declares XML entities; feedspool never expands them")
        }
        if !undefinedEntities.isEmpty {
            let names = undefinedEntities.prefix(5).map { "&\($0);" }.joined(separator: " ")
            warnings.append("entities neither XML nor HTML defines kept as text: \(names)")
        }
        guard let feed = builder.finish(warnings: warnings) else {
            guard let root = builder.rootName else {
                let first = pass.errors.first ?? XMLProblem(line: 0, message: "no root element")
                throw .malformedXML(line: first.line, message: first.message)
            }
            throw .notAFeed(rootElement: root)
        }
        return feed
    }
}
