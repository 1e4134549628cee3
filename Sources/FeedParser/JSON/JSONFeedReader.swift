import Foundation

/// Reads JSON Feed 1.0 and 1.1 (https://jsonfeed.org) into a `Feed`.
enum JSONFeedReader {
    /// Parses a JSON Feed document.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, baseURL: String?) throws(FeedParseError) -> Feed {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(buffer: bytes), options: [])
        } catch {
            throw .malformedJSON("invalid JSON")
        }
        guard let root = object as? [String: Any] else {
            throw .malformedJSON("JSON, but not an object as JSON Feed requires")
        }
        let version = root["version"] as? String ?? ""
        guard version.hasPrefix("https://jsonfeed.org/version/") || version.hasPrefix("http://jsonfeed.org/version/") else {
            throw .malformedJSON("JSON, but no JSON Feed version (\"version\": \"https://jsonfeed.org/version/1.1\")")
        }
        let base = string(root["feed_url"]).flatMap { URLResolver.isWebURL($0) ? $0 : nil } ?? baseURL
        var feed = Feed(format: .json1x)
        feed.title = string(root["title"]).map(PlainText.title)
        feed.link = string(root["home_page_url"]).map { URLResolver.resolve($0, against: base) }
        feed.subtitle = string(root["description"]).map(PlainText.title)
        feed.language = string(root["language"])
        let feedAuthors = authors(root)
        let items = root["items"] as? [Any] ?? []
        feed.entries = items.compactMap { ($0 as? [String: Any]).map { entry($0, base: base, feedAuthors: feedAuthors) } }
        return feed
    }

    private static func entry(_ item: [String: Any], base: String?, feedAuthors: [String]) -> Entry {
        var entry = Entry()
        // JSON Feed requires `id` to be a string, but numbers are common.
        entry.guid = string(item["id"]) ?? (item["id"] as? NSNumber)?.stringValue
        entry.title = string(item["title"]).map(PlainText.title)
        entry.link = (string(item["url"]) ?? string(item["external_url"])).map { URLResolver.resolve($0, against: base) }
        let itemAuthors = authors(item)
        entry.authors = itemAuthors.isEmpty ? feedAuthors : itemAuthors
        entry.published = string(item["date_published"]).flatMap(FeedDate.parse)
        entry.updated = string(item["date_modified"]).flatMap(FeedDate.parse)
        var categories: [String] = []
        for tag in (item["tags"] as? [Any] ?? []).compactMap(string) where !categories.contains(tag) {
            categories.append(tag)
        }
        entry.categories = categories
        entry.summary = string(item["summary"]).map(HTMLMarkup.escape)
        entry.content = string(item["content_html"]) ?? string(item["content_text"]).map(HTMLMarkup.escape)
        for case let attachment as [String: Any] in item["attachments"] as? [Any] ?? [] {
            guard let url = string(attachment["url"]) else { continue }
            let length = (attachment["size_in_bytes"] as? NSNumber).map { $0.int64Value }
            entry.enclosures.append(Enclosure(
                url: URLResolver.resolve(url, against: base),
                type: string(attachment["mime_type"]),
                length: length.flatMap { $0 >= 0 ? $0 : nil }))
        }
        return entry
    }

    /// Author names from 1.1's `authors` array or 1.0's `author` object.
    private static func authors(_ object: [String: Any]) -> [String] {
        var list = (object["authors"] as? [Any] ?? []).compactMap { $0 as? [String: Any] }
        if list.isEmpty, let single = object["author"] as? [String: Any] { list = [single] }
        var names: [String] = []
        for author in list {
            if let name = string(author["name"]).map(PlainText.title), !names.contains(name) {
                names.append(name)
            }
        }
        return names
    }

    /// A non-empty trimmed string, or nil.
    private static func string(_ value: Any?) -> String? {
        (value as? String)?.trimmedOrNil
    }
}
