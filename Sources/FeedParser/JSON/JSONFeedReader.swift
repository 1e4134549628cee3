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
        } catch DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty {
            throw .malformedJSON("invalid JSON")
        } catch {
            throw .malformedJSON("JSON, but not a JSON Feed: \(Self.describe(error))")
        }
        let version = document.version ?? ""
        guard version.hasPrefix("https://jsonfeed.org/version/") || version.hasPrefix("http://jsonfeed.org/version/") else {
            throw .malformedJSON("JSON, but no JSON Feed version (\"version\": \"https://jsonfeed.org/version/1.1\")")
        }
        let base = document.feed_url.flatMap(\.trimmedOrNil).flatMap { URLResolver.isWebURL($0) ? $0 : nil } ?? baseURL
        var feed = Feed(format: .json1x)
        feed.title = document.title?.trimmedOrNil.map(PlainText.title)
        feed.link = document.home_page_url?.trimmedOrNil.map { URLResolver.resolve($0, against: base) }
        feed.subtitle = document.description?.trimmedOrNil.map(PlainText.title)
        feed.language = document.language?.trimmedOrNil
        let feedAuthors = authorNames(document.authors, document.author)
        feed.entries = (document.items ?? []).map { entry($0, base: base, feedAuthors: feedAuthors) }
        return feed
    }

    private static func entry(_ item: JSONFeedDocument.Item, base: String?, feedAuthors: [String]) -> Entry {
        var entry = Entry()
        entry.guid = item.id?.text.trimmedOrNil
        entry.title = item.title?.trimmedOrNil.map(PlainText.title)
        entry.link = (item.url?.trimmedOrNil ?? item.external_url?.trimmedOrNil).map { URLResolver.resolve($0, against: base) }
        let itemAuthors = authorNames(item.authors, item.author)
        entry.authors = itemAuthors.isEmpty ? feedAuthors : itemAuthors
        entry.published = item.date_published.flatMap(FeedDate.parse)
        entry.updated = item.date_modified.flatMap(FeedDate.parse)
        for tag in (item.tags ?? []).compactMap(\.trimmedOrNil) where !entry.categories.contains(tag) {
            entry.categories.append(tag)
        }
        entry.summary = item.summary?.trimmedOrNil.map(HTMLMarkup.escape)
        entry.content = item.content_html?.trimmedOrNil ?? item.content_text?.trimmedOrNil.map(HTMLMarkup.escape)
        for attachment in item.attachments ?? [] {
            guard let url = attachment.url?.trimmedOrNil else { continue }
            entry.enclosures.append(Enclosure(
                url: URLResolver.resolve(url, against: base),
                type: attachment.mime_type?.trimmedOrNil,
                length: attachment.size_in_bytes.flatMap { $0 >= 0 ? Int64($0) : nil }))
        }
        return entry
    }

    /// Author names from 1.1's `authors` array, else 1.0's `author` object.
    private static func authorNames(_ list: [JSONFeedDocument.Author]?, _ single: JSONFeedDocument.Author?) -> [String] {
        var names: [String] = []
        for author in list ?? single.map { [$0] } ?? [] {
            if let name = author.name?.trimmedOrNil.map(PlainText.title), !names.contains(name) {
                names.append(name)
            }
        }
        return names
    }

    private static func describe(_ error: Error) -> String {
        guard case DecodingError.typeMismatch(_, let context) = error else { return "unexpected structure" }
        let path = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        return "unexpected type at \(path)"
    }
}

/// The parts of a JSON Feed document feedspool reads; field names follow the
/// specification, so they are snake case.
private struct JSONFeedDocument: Decodable {
    struct Author: Decodable {
        var name: String?
    }

    struct Attachment: Decodable {
        var url: String?
        var mime_type: String?
        var size_in_bytes: Double?
    }

    /// An item `id`: the specification wants a string, feeds also write numbers.
    struct Identifier: Decodable {
        var text: String
        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let string = try? container.decode(String.self) {
                text = string
            } else if let integer = try? container.decode(Int64.self) {
                text = String(integer)
            } else {
                text = String(try container.decode(Double.self))
            }
        }
    }

    struct Item: Decodable {
        var id: Identifier?
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
}
