#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A link element as Atom (and `atom:link` in RSS) writes it.
struct DraftLink {
    var href: String
    var rel: String
    var type: String?
    var length: Int64?
}

/// Everything read so far about one item, or about the channel itself.
/// The choices between competing fields are made later.
struct EntryDraft {
    var guid: String?
    /// The guid resolved against the `xml:base` in scope, when there is one.
    var guidURL: String?
    var guidIsPermalink = true
    var rdfAbout: String?
    var title: String?
    /// `dc:title` or `media:title`, for an item without a title of its own.
    var fallbackTitle: String?
    var textLink: String?
    var links: [DraftLink] = []
    var authors: [String] = []
    /// The authors of an Atom entry's `<source>`, used when it names none.
    var sourceAuthors: [String] = []
    var pendingAuthorEmail: String?
    private var authorCountAtStart = 0
    var published: Date?
    /// Atom 0.3 `created`, `dcterms:created`: published when nothing says so.
    var created: Date?
    var updated: Date?
    var dcDate: Date?
    var categories: [String] = []
    /// What `authors` and `categories` hold, as sets.
    /// So dropping duplicates stays linear when a feed lists hundreds of thousands of them.
    private var seenAuthors: Set<String> = []
    private var seenCategories: Set<String> = []
    private var seenSourceAuthors: Set<String> = []
    private var seenEnclosureURLs: Set<String> = []
    var summary: String?
    var content: String?
    var itunesSummary: String?
    var enclosures: [Enclosure] = []
    var language: String?
    var podcast = PodcastDetails()
    /// The attributes of the `podcast:person` whose name is being read.
    var pendingPerson: PodcastPerson?

    mutating func addLink(_ link: DraftLink) {
        if link.rel == "enclosure" {
            addEnclosure(Enclosure(url: link.href, type: link.type, length: link.length))
        } else {
            links.append(link)
        }
    }

    mutating func addEnclosure(_ enclosure: Enclosure) {
        if seenEnclosureURLs.insert(enclosure.url).inserted {
            enclosures.append(enclosure)
        }
    }

    mutating func addSourceAuthor(_ name: String) {
        if !name.isEmpty, seenSourceAuthors.insert(name).inserted { sourceAuthors.append(name) }
    }

    mutating func addAuthor(_ name: String) {
        guard !name.isEmpty, seenAuthors.insert(name).inserted else { return }
        authors.append(name)
    }

    mutating func addCategory(_ text: String) {
        let name = PlainText.title(text)
        guard !name.isEmpty, seenCategories.insert(name).inserted else { return }
        categories.append(name)
    }

    /// An Atom `<author>` opened.
    mutating func startAuthor() {
        authorCountAtStart = authors.count
        pendingAuthorEmail = nil
    }

    /// Finishes an Atom `<author>` at its end tag.
    ///
    /// An author with an email but no name is known by the email.
    mutating func finishAuthor() {
        if authors.count == authorCountAtStart, let email = pendingAuthorEmail {
            addAuthor(email)
        }
        pendingAuthorEmail = nil
    }

    /// The page the entry links to: its link, else its best alternate link, else a permalink guid.
    ///
    /// The RSS `<link>`, else the best Atom alternate link (an HTML one first), else a permalink
    /// guid that is an absolute http(s) URL, as written or after the `xml:base` in scope. RSS 1.0's
    /// `rdf:about` names the item, like a guid that is no permalink, so it is never the link.
    var bestLink: String? {
        if let textLink { return textLink }
        let alternates = links.filter { $0.rel == "alternate" }
        if let html = alternates.first(where: { $0.type == nil || $0.type == "text/html" || $0.type == "application/xhtml+xml" }) {
            return html.href
        }
        if let first = alternates.first { return first.href }
        if guidIsPermalink, let url = guidURL ?? guid, URLResolver.isWebURL(url) { return url }
        return nil
    }

    /// The finished entry, made of the draft's own values.
    consuming func entry() -> Entry {
        Entry(
            guid: guid ?? rdfAbout,
            title: title ?? fallbackTitle,
            link: bestLink,
            authors: authors.isEmpty ? sourceAuthors : authors,
            published: published ?? created ?? dcDate,
            // dc:date is the publication date of an item that has no other,
            // and its modification date beside a pubDate (feedparser's reading).
            updated: updated ?? (published ?? created == nil ? nil : dcDate),
            categories: categories,
            summary: summary ?? itunesSummary,
            content: content,
            enclosures: enclosures,
            podcast: podcast.isEmpty ? nil : podcast)
    }

    /// The name in an RSS `<author>` (or `managingEditor`, `dc:creator`, `itunes:author`).
    /// RSS 2.0 wants it as "email (Name)"; feeds also write "Name (email)",
    /// "Name <email>" or a bare name or email. Parentheses around anything but
    /// an email, after anything but an email, are part of the name
    /// ("Sam (guest author)").
    static func authorName(fromRSS text: String) -> String {
        if text.hasSuffix(")"), let open = text.lastIndex(of: "(") {
            let before = String(text[..<open]).trimmedOrNil
            let inside = String(text[text.index(after: open)..<text.index(before: text.endIndex)]).trimmedOrNil
            if let before, let inside {
                if before.contains("@"), !before.contains(" ") { return PlainText.title(inside) }
                if inside.contains("@"), !inside.contains(" ") { return PlainText.title(before) }
            }
        }
        if let open = text.firstIndex(of: "<"), text.hasSuffix(">") {
            if let name = String(text[..<open]).trimmedOrNil { return PlainText.title(name) }
            let email = text[text.index(after: open)..<text.index(before: text.endIndex)]
            return String(email).trimmingXMLWhitespace()
        }
        return PlainText.title(text)
    }

    /// A declared byte length; nil unless a non-negative whole number.
    static func parseLength(_ text: String) -> Int64? {
        guard let value = Int64(text.trimmingXMLWhitespace()), value >= 0 else { return nil }
        return value
    }
}
