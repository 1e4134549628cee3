#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Builds a `Feed` from the element events of one RSS, RDF or Atom document.
///
/// The builder is format-agnostic the way sfeed is: it keeps a stack of what
/// each open element means (channel, item, a field being captured, markup
/// inside a field) and maps element names of every format onto the same
/// fields. It tolerates the events libxml2 produces while recovering from
/// broken XML: an item opened inside an unclosed item, or a document that ends
/// with elements still open (see `finish()`).
struct FeedBuilder {
    /// What an open element means to the feed.
    private enum Role {
        case root, channel, item, author, mediaGroup, ignored
        /// An `itunes:category`, whose subcategories are categories too.
        case itunesCategory
        /// An Atom entry's `<source>`: the feed the entry was copied from.
        ///
        /// The entry takes its authors when it names none.
        case source
        /// An `<author>` inside a `<source>`.
        case sourceAuthor
        case field
        /// A plain-text field that a feed element interrupted.
        ///
        /// The feed forgot its end tag (`<title>x<link>…`). Its
        /// children belong to the enclosing item or channel.
        case interruptedField
        /// An element inside a captured field, re-serialised as HTML.
        /// `name` points into libxml2's name dictionary, valid while the
        /// document is being parsed.
        case markup(name: UnsafeBufferPointer<UInt8>, isVoid: Bool)
        /// The `<div>` wrapping Atom xhtml content, which is not part of it.
        case xhtmlWrapper

        var isField: Bool {
            if case .field = self { return true }
            return false
        }

        var isInterrupted: Bool {
            if case .interruptedField = self { return true }
            return false
        }
    }

    private struct Frame {
        var role: Role
        var base: String?
        /// Whether an `xml:base` on this element or an ancestor set `base` (rather than the document's URL alone).
        var hasXMLBase = false
    }

    /// The root element's local name, once seen.
    private(set) var rootName: String?
    /// The format, decided from the root element and refined by RDF children.
    private(set) var format: FeedFormat?
    /// The root element was `<html>`: the document is a web page.
    private(set) var isHTMLPage = false

    private var stack: [Frame] = []
    private var channel = EntryDraft()
    private var current: EntryDraft?
    private var entries: [Entry] = []
    private var capture: FieldCapture?
    /// The parse is over and `finish()` closes what the document left open.
    private var isFinishing = false
    /// How many fields were cut at `FieldCapture.maximumBytes`.
    private var truncatedFields = 0
    /// The bytes of the field being captured.
    /// One buffer serves every capture of the document, so its memory is allocated once.
    private let textBuffer = ByteBuffer()
    private var language: String?
    /// The channel's `ttl` and `sy:updatePeriod`/`sy:updateFrequency`, as read.
    private var schedule = FeedSchedule()
    private let baseURL: String?
    /// The root is an Atom 0.3 `<feed version="0.3">` in a namespace of its own.
    /// Drafts of Atom had several; the elements of that namespace are then the feed's.
    private var rootNamespaceIsCore = false

    /// Makes a builder that resolves relative links against `baseURL`.
    init(baseURL: String?) {
        self.baseURL = baseURL
        stack.reserveCapacity(32)
    }

    private var isAtom: Bool { format == .atom10 || format == .atom03 }

    /// Whether an element in `namespace` belongs to the document's own format.
    /// An unprefixed `<title>` is Atom's in an Atom feed, RSS's in RSS.
    private func isCore(_ namespace: Namespace) -> Bool {
        switch namespace {
        case .none: return true
        case .other: return rootNamespaceIsCore
        case .atom10, .atom03: return isAtom
        case .rss10, .rss090: return !isAtom
        default: return false
        }
    }

    // MARK: - Events

    /// An element opened.
    mutating func startElement(
        _ name: LocalName, namespace: Namespace, rawName: UnsafePointer<UInt8>,
        attributes: XMLAttributes
    ) {
        let parentBase = stack.last?.base ?? baseURL
        var base = parentBase
        var hasXMLBase = stack.last?.hasXMLBase ?? false
        if let xmlBase = attributes.value(.base, namespace: .xml)?.trimmedOrNil {
            base = URLResolver.resolve(xmlBase, against: parentBase)
            hasXMLBase = true
        }

        if let open = capture {
            guard open.mode == .text, name.isFeedElement else {
                stack.append(Frame(role: captureChild(name, namespace: namespace, rawName: rawName,
                                                      attributes: attributes), base: base, hasXMLBase: hasXMLBase))
                return
            }
            interruptCapture()
        }
        guard let parent = stack.last(where: { !$0.role.isInterrupted })?.role else {
            rootName = String(cString: rawName)
            stack.append(Frame(role: startRoot(name, namespace: namespace, attributes: attributes),
                               base: base, hasXMLBase: hasXMLBase))
            return
        }
        let role: Role
        switch parent {
        case .root:
            role = rootChild(name, namespace: namespace, attributes: attributes, base: base)
        case .channel:
            role = channelChild(name, namespace: namespace, attributes: attributes, base: base)
        case .item:
            role = itemChild(name, namespace: namespace, attributes: attributes, base: base)
        case .author:
            if name == .name || name == .email, namespace.isAtom || namespace == .none {
                role = startCapture(name == .name ? .authorName : .authorEmail, mode: .text)
            } else {
                role = .ignored
            }
        case .mediaGroup:
            // Media RSS groups the renditions of one item with their title,
            // description and categories, which are the item's.
            role = namespace == .media
                ? field(name, namespace: namespace, attributes: attributes, base: base, inItem: current != nil)
                : .ignored
        case .itunesCategory:
            role = name == .category && namespace == .itunes ? itunesCategory(attributes) : .ignored
        case .source:
            role = name == .author && isCore(namespace) ? .sourceAuthor : .ignored
        case .sourceAuthor:
            if name == .name, isCore(namespace) {
                role = startCapture(.sourceAuthorName, mode: .text)
            } else {
                role = .ignored
            }
        case .ignored, .field, .interruptedField, .markup, .xhtmlWrapper:
            role = .ignored
        }
        stack.append(Frame(role: role, base: base, hasXMLBase: hasXMLBase))
    }

    /// Ends the plain-text capture in progress because a feed element opened inside it, keeping what was read so far.
    private mutating func interruptCapture() {
        guard let open = capture, let index = stack.lastIndex(where: { $0.role.isField }) else { return }
        capture = nil
        stack[index].role = .interruptedField
        finishCapture(open, base: stack[index].base, hasXMLBase: stack[index].hasXMLBase)
    }

    /// The innermost open element closed.
    mutating func endElement() {
        guard let frame = stack.popLast() else { return }
        switch frame.role {
        case .markup(let name, let isVoid):
            // After the parse (`finish`), names are no longer valid to read.
            if !isVoid && !isFinishing { capture?.appendEndTag(name) }
        case .field:
            if let finished = capture {
                capture = nil
                finishCapture(finished, base: frame.base, hasXMLBase: frame.hasXMLBase)
            }
        case .item:
            finishItem()
        case .xhtmlWrapper:
            capture?.depth -= 1
        case .author:
            withDraft { $0.finishAuthor() }
        case .root, .channel, .mediaGroup, .ignored, .interruptedField, .source, .sourceAuthor,
             .itunesCategory:
            break
        }
    }

    /// Character data inside the innermost open element.
    mutating func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        capture?.appendText(bytes)
    }

    /// Closes whatever the document left open and returns the feed, or nil when the root element was no feed.
    mutating func finish(warnings: [String]) -> Feed? {
        isFinishing = true
        let endsInsideEntry = stack.contains { frame in
            if case .item = frame.role { return true } else { return false }
        }
        while !stack.isEmpty { endElement() }
        guard let format else { return nil }
        var warnings = warnings
        if truncatedFields > 0 {
            warnings.append("\(truncatedFields) field(s) longer than \(FieldCapture.maximumBytes >> 20) MiB cut short")
        }
        var feed = Feed(format: format, warnings: warnings)
        feed.title = channel.title ?? channel.fallbackTitle
        feed.link = channel.bestLink
        feed.subtitle = (channel.summary ?? channel.itunesSummary).map(PlainText.fromHTML)?.trimmedOrNil
        feed.language = channel.language ?? language
        feed.updated = channel.updated ?? channel.published ?? channel.dcDate ?? channel.created
        // The entries move into the feed, changed in place rather than copied.
        var finished: [Entry] = []
        swap(&finished, &entries)
        for index in finished.indices where finished[index].authors.isEmpty {
            finished[index].authors = channel.authors
        }
        feed.schedule = schedule
        Self.completePodcastDetails(of: &finished, channelPersons: channel.podcast.persons,
                                    language: feed.language)
        feed.lastEntryIsCutOff = endsInsideEntry && !finished.isEmpty
        feed.entries = finished
        return feed
    }

    /// Gives entries without `podcast:person`s the channel's, and transcripts without a language the feed's.
    /// As the namespace says.
    private static func completePodcastDetails(of entries: inout [Entry], channelPersons: [PodcastPerson],
                                               language: String?) {
        for index in entries.indices where entries[index].podcast != nil || !channelPersons.isEmpty {
            var details = entries[index].podcast ?? PodcastDetails()
            if details.persons.isEmpty { details.persons = channelPersons }
            for transcript in details.transcripts.indices where details.transcripts[transcript].language == nil {
                details.transcripts[transcript].language = language
            }
            entries[index].podcast = details
        }
    }

    // MARK: - Structure

    private mutating func startRoot(_ name: LocalName, namespace: Namespace,
                                    attributes: XMLAttributes) -> Role {
        language = attributes.value(.lang, namespace: .xml)?.trimmedOrNil
        switch name {
        case .rss where namespace == .none:
            let version = attributes.value(.version)?.trimmedOrNil ?? "2.0"
            format = version.hasPrefix("0.9") ? .rss09x : .rss20
            return .root
        case .RDF where namespace == .rdf:
            format = .rss10
            return .root
        case .feed where namespace == .atom03 || attributes.value(.version) == "0.3":
            format = .atom03
            rootNamespaceIsCore = namespace == .other
            return .channel
        case .feed where namespace == .atom10 || namespace == .none:
            format = .atom10
            return .channel
        case .html:
            isHTMLPage = true
            return .ignored
        default:
            return .ignored
        }
    }

    private mutating func rootChild(_ name: LocalName, namespace: Namespace,
                                    attributes: XMLAttributes, base: String?) -> Role {
        if namespace == .rss090 { format = .rss09x }
        switch name {
        case .channel where isCore(namespace):
            return .channel
        case .item where isCore(namespace):
            // RSS 0.90 and 1.0 put items beside the channel, not inside it;
            // some broken RSS 2.0 feeds do too.
            startItem(attributes: attributes)
            return .item
        default:
            return .ignored
        }
    }

    private mutating func channelChild(_ name: LocalName, namespace: Namespace,
                                       attributes: XMLAttributes, base: String?) -> Role {
        if (name == .item || name == .entry) && isCore(namespace) {
            startItem(attributes: attributes)
            return .item
        }
        return field(name, namespace: namespace, attributes: attributes, base: base, inItem: false)
    }

    private mutating func itemChild(_ name: LocalName, namespace: Namespace,
                                    attributes: XMLAttributes, base: String?) -> Role {
        if (name == .item || name == .entry) && isCore(namespace) {
            // An item inside an item: the feed left the first one unclosed.
            finishItem()
            startItem(attributes: attributes)
            return .item
        }
        return field(name, namespace: namespace, attributes: attributes, base: base, inItem: true)
    }

    private mutating func startItem(attributes: XMLAttributes) {
        finishItem()
        current = EntryDraft()
        current!.rdfAbout = attributes.value(.about, namespace: .rdf)?.trimmedOrNil
    }

    private mutating func finishItem() {
        guard let draft = current.take() else { return }
        entries.append(draft.entry())
    }

    /// Applies a closure to the draft that the fields of the current element belong to:
    /// the open item, else the channel.
    private mutating func withDraft(_ body: (inout EntryDraft) -> Void) {
        if current != nil {
            body(&current!)
        } else {
            body(&channel)
        }
    }

    // MARK: - Fields

    /// The role of a child of a channel or item, starting a capture for the fields whose text matters.
    private mutating func field(_ name: LocalName, namespace: Namespace, attributes: XMLAttributes,
                                base: String?, inItem: Bool) -> Role {
        let core = isCore(namespace)
        switch (name, namespace) {
        case (.title, _) where core:
            return startTextConstruct(.title, attributes: attributes)
        case (.link, _) where core || namespace.isAtom:
            if let href = attributes.value(.href)?.trimmedOrNil {
                let link = DraftLink(
                    href: URLResolver.resolve(href, against: base),
                    rel: attributes.keyword(.rel) ?? "alternate",
                    type: attributes.keyword(.type),
                    length: attributes.value(.length).flatMap(EntryDraft.parseLength))
                withDraft { $0.addLink(link) }
                return .ignored
            }
            return core ? startCapture(.link, mode: .text) : .ignored
        case (.description, _) where core && !isAtom:
            return startCapture(.summary, mode: .html)
        case (.summary, _) where core && isAtom,
             (.subtitle, _) where core && isAtom,
             (.tagline, _) where core && isAtom:
            return startTextConstruct(.summary, attributes: attributes)
        case (.content, _) where core && isAtom:
            if attributes.value(.src) != nil { return .ignored }
            return startTextConstruct(.content, attributes: attributes)
        case (.encoded, .content):
            return startCapture(.content, mode: .html)
        case (.guid, _) where core, (.id, _) where core:
            if name == .guid {
                let permalink = attributes.keyword(.isPermaLink)
                withDraft { $0.guidIsPermalink = permalink != "false" }
            }
            return startCapture(.guid, mode: .text)
        case (.author, _) where core && isAtom, (.author, .atom10), (.author, .atom03):
            withDraft { $0.startAuthor() }
            return .author
        case (.author, _) where core, (.managingEditor, _) where core && !inItem,
             (.creator, .dublinCore), (.author, .dublinCore), (.author, .itunes):
            return startCapture(.rssAuthor, mode: .text)
        case (.title, .dublinCore), (.title, .media):
            return startCapture(.fallbackTitle, mode: .text)
        case (.pubDate, _) where core, (.published, _) where core || namespace.isAtom,
             (.issued, _) where core || namespace.isAtom, (.issued, .dublinCoreTerms):
            return startCapture(.published, mode: .text)
        case (.created, _) where core || namespace.isAtom, (.created, .dublinCoreTerms):
            return startCapture(.created, mode: .text)
        case (.updated, _) where core || namespace.isAtom, (.modified, _) where core || namespace.isAtom,
             (.lastBuildDate, _) where core, (.modified, .dublinCoreTerms):
            return startCapture(.updated, mode: .text)
        case (.date, .dublinCore):
            return startCapture(.dcDate, mode: .text)
        case (.category, _) where core:
            if let term = (attributes.value(.label) ?? attributes.value(.term))?.trimmedOrNil {
                withDraft { $0.addCategory(term) }
                return .ignored
            }
            return startCapture(.category, mode: .text)
        case (.category, .media):
            if let label = attributes.value(.label)?.trimmedOrNil {
                withDraft { $0.addCategory(label) }
                return .ignored
            }
            return startCapture(.category, mode: .text)
        case (.subject, .dublinCore):
            return startCapture(.category, mode: .text)
        case (.keywords, .itunes), (.keywords, .media):
            return startCapture(.keywords, mode: .text)
        case (.category, .itunes):
            return itunesCategory(attributes)
        case (.language, _) where core, (.language, .dublinCore):
            return startCapture(.language, mode: .text)
        case (.summary, .itunes), (.description, .media):
            return startCapture(.itunesSummary, mode: .text)
        case (.enclosure, _) where core:
            if let url = attributes.value(.url)?.trimmedOrNil {
                withDraft {
                    $0.addEnclosure(Enclosure(
                        url: URLResolver.resolve(url, against: base),
                        type: attributes.value(.type)?.trimmedOrNil,
                        length: attributes.value(.length).flatMap(EntryDraft.parseLength)))
                }
            }
            return .ignored
        case (.content, .media):
            addMediaContent(attributes, base: base)
            return .ignored
        case (.group, .media):
            return .mediaGroup
        case (.source, _) where core && isAtom && inItem:
            return .source
        case (.ttl, _) where core && !isAtom && !inItem:
            return startCapture(.ttl, mode: .text)
        case (.updatePeriod, .syndication) where !inItem:
            return startCapture(.updatePeriod, mode: .text)
        case (.updateFrequency, .syndication) where !inItem:
            return startCapture(.updateFrequency, mode: .text)
        case (.transcript, .podcast) where inItem:
            if let url = attributes.value(.url)?.trimmedOrNil {
                let transcript = PodcastTranscript(
                    url: URLResolver.resolve(url, against: base), type: attributes.keyword(.type),
                    language: attributes.value(.language)?.trimmedOrNil)
                withDraft { $0.podcast.transcripts.append(transcript) }
            }
            return .ignored
        case (.chapters, .podcast) where inItem:
            if let url = attributes.value(.url)?.trimmedOrNil {
                let chapters = PodcastChapters(url: URLResolver.resolve(url, against: base),
                                               type: attributes.keyword(.type))
                withDraft { if $0.podcast.chapters == nil { $0.podcast.chapters = chapters } }
            }
            return .ignored
        case (.person, .podcast):
            let person = PodcastPerson(
                name: "", role: attributes.keyword(.role) ?? "host",
                href: attributes.value(.href)?.trimmedOrNil.map { URLResolver.resolve($0, against: base) })
            withDraft { $0.pendingPerson = person }
            return startCapture(.podcastPerson, mode: .text)
        default:
            return .ignored
        }
    }

    /// An `itunes:category`, whose `text` is a category.
    ///
    /// So are those of the subcategories inside it.
    private mutating func itunesCategory(_ attributes: XMLAttributes) -> Role {
        if let text = attributes.value(.text)?.trimmedOrNil {
            withDraft { $0.addCategory(text) }
        }
        return .itunesCategory
    }

    private mutating func addMediaContent(_ attributes: XMLAttributes, base: String?) {
        guard let url = attributes.value(.url)?.trimmedOrNil else { return }
        withDraft {
            $0.addEnclosure(Enclosure(
                url: URLResolver.resolve(url, against: base),
                type: attributes.value(.type)?.trimmedOrNil,
                length: attributes.value(.fileSize).flatMap(EntryDraft.parseLength)))
        }
    }

    /// Starts capturing an Atom text construct, or an RSS element that shares its name.
    /// It honours Atom's `type` and Atom 0.3's `mode` attributes.
    private mutating func startTextConstruct(_ field: FieldCapture.Field,
                                             attributes: XMLAttributes) -> Role {
        guard isAtom else { return startCapture(field, mode: field == .title ? .text : .html) }
        var mode: FieldCapture.Mode
        // Atom 0.3 says base64 with `mode`; Atom 1.0 by a type that is
        // neither text nor XML (RFC 4287 §4.1.3.3).
        var isBase64 = attributes.keyword(.mode) == "base64"
        switch attributes.keyword(.type) {
        case nil, "text", "text/plain":
            mode = format == .atom03 && attributes.keyword(.mode) == "escaped" ? .html : .text
        case "html", "text/html":
            mode = .html
        case "xhtml", "application/xhtml+xml":
            mode = attributes.keyword(.mode) == "escaped" ? .html : isBase64 ? .html : .xhtml
        case let type? where type.hasPrefix("text/"):
            mode = .text
        case let type? where type.hasSuffix("+xml") || type.hasSuffix("/xml"):
            // Inline XML of another vocabulary: nothing a reader can show.
            return .ignored
        default:
            guard format == .atom10 || isBase64 else { return .ignored }
            isBase64 = true
            mode = .text
        }
        let role = startCapture(field, mode: mode)
        capture!.isBase64 = isBase64
        return role
    }

    private mutating func startCapture(_ field: FieldCapture.Field, mode: FieldCapture.Mode) -> Role {
        capture = FieldCapture(field: field, mode: mode, buffer: textBuffer)
        return .field
    }

    /// The role of an element inside a captured field.
    ///
    /// Markup to keep for HTML fields, dropped tags (text kept) for plain-text fields.
    private mutating func captureChild(_ name: LocalName, namespace: Namespace,
                                       rawName: UnsafePointer<UInt8>, attributes: XMLAttributes) -> Role {
        guard capture!.mode != .text else { return .ignored }
        if capture!.mode == .xhtml && capture!.depth == 0 && !capture!.sawWrapper
            && name == .div && namespace == .xhtml
        {
            capture!.sawWrapper = true
            capture!.depth += 1
            return .xhtmlWrapper
        }
        let tag = UnsafeBufferPointer(start: rawName, count: strlen(rawName))
        let isVoid = HTMLMarkup.isVoidElement(tag)
        capture!.appendStartTag(tag, attributes: attributes, isVoid: isVoid)
        return .markup(name: tag, isVoid: isVoid)
    }

    private mutating func finishCapture(_ capture: FieldCapture, base: String?, hasXMLBase: Bool) {
        if capture.isTruncated { truncatedFields += 1 }
        let field = capture.field
        if field == .summary || field == .content || field == .itunesSummary {
            guard let html = capture.html().map(Mojibake.repaired) else { return }
            withDraft { draft in
                switch field {
                case .summary: if draft.summary == nil { draft.summary = html }
                case .content: if draft.content == nil { draft.content = html }
                default: if draft.itunesSummary == nil { draft.itunesSummary = html }
                }
            }
            return
        }
        guard var text = capture.text() else { return }
        // The channel's schedule, which no draft holds.
        switch field {
        case .ttl:
            schedule.ttl = FeedSchedule.number(text) ?? schedule.ttl
            return
        case .updatePeriod:
            schedule.updatePeriod = FeedSchedule.Period(text) ?? schedule.updatePeriod
            return
        case .updateFrequency:
            schedule.updateFrequency = FeedSchedule.number(text) ?? schedule.updateFrequency
            return
        default:
            break
        }
        if field.isProse { text = Mojibake.repaired(text) }
        // An Atom text title is text: `<div>` in it is literal. Any other
        // title may carry markup, or entities escaped twice.
        let isLiteralTitle = capture.mode == .text && isAtom
        withDraft { draft in
            switch field {
            case .title:
                guard draft.title == nil else { break }
                draft.title = isLiteralTitle ? PlainText.decodingEntities(text) : PlainText.title(text)
            case .fallbackTitle:
                if draft.fallbackTitle == nil { draft.fallbackTitle = PlainText.title(text) }
            case .link:
                if draft.textLink == nil { draft.textLink = URLResolver.resolve(text, against: base) }
            case .guid:
                guard draft.guid == nil else { break }
                draft.guid = text
                // A relative guid is a web address only where xml:base says
                // against what; the document's own URL does not make it one.
                if hasXMLBase { draft.guidURL = URLResolver.resolve(text, against: base) }
            case .rssAuthor:
                draft.addAuthor(EntryDraft.authorName(fromRSS: text))
            case .authorName:
                draft.addAuthor(PlainText.title(text))
            case .podcastPerson:
                guard var person = draft.pendingPerson.take() else { break }
                person.name = PlainText.title(text)
                if !person.name.isEmpty { draft.podcast.persons.append(person) }
            case .sourceAuthorName:
                draft.addSourceAuthor(PlainText.title(text))
            case .authorEmail:
                draft.pendingAuthorEmail = text
            // Of repeated dates the last readable one wins, as in feedparser.
            case .published:
                draft.published = FeedDate.parse(text) ?? draft.published
            case .created:
                draft.created = FeedDate.parse(text) ?? draft.created
            case .updated:
                draft.updated = FeedDate.parse(text) ?? draft.updated
            case .dcDate:
                draft.dcDate = FeedDate.parse(text) ?? draft.dcDate
            case .category:
                draft.addCategory(text)
            case .keywords:
                for keyword in text.split(separator: ",") { draft.addCategory(String(keyword)) }
            case .language:
                if draft.language == nil { draft.language = text }
            case .summary, .content, .itunesSummary, .ttl, .updatePeriod, .updateFrequency:
                break
            }
        }
    }
}
