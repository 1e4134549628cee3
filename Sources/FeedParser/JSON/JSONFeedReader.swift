#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Reads JSON Feed 1.0 and 1.1 (https://jsonfeed.org) into a `Feed`.
enum JSONFeedReader {
    /// Parses a JSON Feed document.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, baseURL: String?) throws(FeedParseError) -> Feed {
        let document: JSONFeedDocument
        do {
            document = try JSONDecoder().decode(JSONFeedDocument.self, from: Data(buffer: bytes))
        } catch JSONFeedReaderError.notAnObject {
            throw .malformedJSON("JSON, but not an object as JSON Feed requires")
        } catch {
            throw .malformedJSON("invalid JSON")
        }
        let version = document.version ?? ""
        guard version.hasPrefix("https://jsonfeed.org/version/") || version.hasPrefix("http://jsonfeed.org/version/") else {
            throw .malformedJSON("JSON, but no JSON Feed version (\"version\": \"https://jsonfeed.org/version/1.1\")")
        }
        let base = document.feed_url.flatMap(\.trimmedOrNil).flatMap { URLResolver.isWebURL($0) ? $0 : nil } ?? baseURL
        var feed = Feed(format: .json1x)
        feed.title = document.title?.trimmedOrNil.map(prose)
        feed.link = document.home_page_url?.trimmedOrNil.map { URLResolver.resolve($0, against: base) }
        feed.subtitle = document.description?.trimmedOrNil.map(prose)
        feed.language = document.language?.trimmedOrNil
        let feedAuthors = authorNames(document.authors, document.author)
        feed.entries = (document.items ?? []).map { entry($0, base: base, feedAuthors: feedAuthors) }
        return feed
    }

    private static func entry(_ item: JSONFeedDocument.Item, base: String?, feedAuthors: [String]) -> Entry {
        var entry = Entry()
        entry.guid = item.id?.trimmedOrNil
        entry.title = item.title?.trimmedOrNil.map(prose)
        entry.link = (item.url?.trimmedOrNil ?? item.external_url?.trimmedOrNil).map { URLResolver.resolve($0, against: base) }
        let itemAuthors = authorNames(item.authors, item.author)
        entry.authors = itemAuthors.isEmpty ? feedAuthors : itemAuthors
        entry.published = item.date_published.flatMap(FeedDate.parse)
        entry.updated = item.date_modified.flatMap(FeedDate.parse)
        // A set keeps dropping duplicates linear for feeds with huge tag lists.
        var seenTags: Set<String> = []
        for tag in (item.tags ?? []).compactMap(\.trimmedOrNil).map(Mojibake.repaired)
        where seenTags.insert(tag).inserted {
            entry.categories.append(tag)
        }
        entry.summary = item.summary?.trimmedOrNil.map(Mojibake.repaired).map(HTMLMarkup.escape)
        entry.content = (item.content_html?.trimmedOrNil ?? item.content_text?.trimmedOrNil.map(HTMLMarkup.escape))
            .map(Mojibake.repaired)
        for attachment in item.attachments ?? [] {
            guard let url = attachment.url?.trimmedOrNil else { continue }
            entry.enclosures.append(Enclosure(
                url: URLResolver.resolve(url, against: base),
                type: attachment.mime_type?.trimmedOrNil,
                length: attachment.size_in_bytes.flatMap { $0 >= 0 ? Int64($0) : nil }))
        }
        return entry
    }

    /// A title, name or description as plain text, mojibake repaired.
    private static func prose(_ text: String) -> String {
        Mojibake.repaired(PlainText.title(text))
    }

    /// Author names from 1.1's `authors` array, else 1.0's `author` object.
    private static func authorNames(_ list: [JSONFeedDocument.Author]?, _ single: JSONFeedDocument.Author?) -> [String] {
        var names: [String] = []
        var seen: Set<String> = []
        for author in list ?? single.map({ [$0] }) ?? [] {
            if let name = author.name?.trimmedOrNil.map(prose), seen.insert(name).inserted {
                names.append(name)
            }
        }
        return names
    }
}

/// The parts of a JSON Feed document feedspool reads; field names follow the specification, so they are snake case.
/// Decoding is lenient the way feed readers must be: a field of the wrong type
/// counts as absent and an item that is not an object is skipped, rather than
/// losing the whole feed.
private struct JSONFeedDocument: Decodable {
    struct Author: Decodable {
        var name: String?

        init(from decoder: Decoder) throws {
            let fields = try decoder.container(keyedBy: Key.self)
            name = fields.lenient(String.self, "name")
        }
    }

    struct Attachment: Decodable {
        var url: String?
        var mime_type: String?
        var size_in_bytes: Double?

        init(from decoder: Decoder) throws {
            let fields = try decoder.container(keyedBy: Key.self)
            url = fields.lenient(String.self, "url")
            mime_type = fields.lenient(String.self, "mime_type")
            size_in_bytes = fields.lenient(Double.self, "size_in_bytes")
        }
    }

    struct Item: Decodable {
        var id: String?
        var url: String?
        var external_url: String?
        var title: String?
        var content_html: String?
        var content_text: String?
        var summary: String?
        var date_published: String?
        var date_modified: String?
        var author: Author?
        var authors: [Author]?
        var tags: [String]?
        var attachments: [Attachment]?

        init(from decoder: Decoder) throws {
            let fields = try decoder.container(keyedBy: Key.self)
            // The specification wants a string `id`; feeds also write numbers.
            id = fields.lenient(String.self, "id")
                ?? fields.lenient(Int64.self, "id").map(String.init)
            url = fields.lenient(String.self, "url")
            external_url = fields.lenient(String.self, "external_url")
            title = fields.lenient(String.self, "title")
            content_html = fields.lenient(String.self, "content_html")
            content_text = fields.lenient(String.self, "content_text")
            summary = fields.lenient(String.self, "summary")
            date_published = fields.lenient(String.self, "date_published")
            date_modified = fields.lenient(String.self, "date_modified")
            author = fields.lenient(Author.self, "author")
            authors = fields.lenientList(Author.self, "authors")
            tags = fields.lenientList(String.self, "tags")
            attachments = fields.lenientList(Attachment.self, "attachments")
        }
    }

    var version: String?
    var title: String?
    var home_page_url: String?
    var feed_url: String?
    var description: String?
    var language: String?
    var author: Author?
    var authors: [Author]?
    var items: [Item]?

    init(from decoder: Decoder) throws {
        guard let fields = try? decoder.container(keyedBy: Key.self) else {
            throw JSONFeedReaderError.notAnObject
        }
        version = fields.lenient(String.self, "version")
        title = fields.lenient(String.self, "title")
        home_page_url = fields.lenient(String.self, "home_page_url")
        feed_url = fields.lenient(String.self, "feed_url")
        description = fields.lenient(String.self, "description")
        language = fields.lenient(String.self, "language")
        author = fields.lenient(Author.self, "author")
        authors = fields.lenientList(Author.self, "authors")
        items = fields.lenientList(Item.self, "items")
    }
}

/// The root of the document is not a JSON object.
private enum JSONFeedReaderError: Error {
    case notAnObject
}

/// Any string key: JSON Feed's keys are read by name.
private struct Key: CodingKey, ExpressibleByStringLiteral {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringLiteral value: String) { stringValue = value }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// A value that decodes to nil instead of failing.
private struct Lenient<Value: Decodable>: Decodable {
    var value: Value?
    init(from decoder: Decoder) throws {
        value = try? Value(from: decoder)
    }
}

extension KeyedDecodingContainer where Key == JSONFeedKey {
    /// The value at `key`, or nil when it is absent or of another type.
    fileprivate func lenient<Value: Decodable>(_ type: Value.Type, _ key: Key) -> Value? {
        (try? decodeIfPresent(Lenient<Value>.self, forKey: key))??.value
    }

    /// The elements at `key` that have the right type, or nil when the key is absent or not an array.
    fileprivate func lenientList<Value: Decodable>(_ type: Value.Type, _ key: Key) -> [Value]? {
        guard let list = try? decodeIfPresent([Lenient<Value>].self, forKey: key) else { return nil }
        return list.compactMap(\.value)
    }
}

private typealias JSONFeedKey = Key
