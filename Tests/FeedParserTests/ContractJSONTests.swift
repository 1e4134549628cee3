import Foundation
import Testing
@testable import FeedParser

/// The JSON contract of `feedspool parse` and the spool: every key present
/// (null when absent), keys in contract order, dates in UTC, strings escaped
/// so that any JSON or JavaScript consumer reads them back unchanged.
@Suite struct ContractJSONTests {
    private static let feedKeys = ["title", "link", "subtitle", "language", "updated", "format"]
    private static let entryKeys = [
        "guid", "title", "link", "authors", "published", "updated", "categories", "summary", "content", "enclosures",
        "podcast",
    ]
    private static let enclosureKeys = ["url", "type", "length"]

    /// The document decoded by Foundation, as a consumer would read it.
    private func decoded(_ feed: Feed) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(feed.contractJSON()))
        return try #require(object as? [String: Any])
    }

    // MARK: - Keys

    @Test func everyKeyIsPresentAndNullWhenAbsent() throws {
        let json = try decoded(Feed(format: .rss20, entries: [Entry(enclosures: [Enclosure(url: "https://example.com/a")])]))
        let feed = try #require(json["feed"] as? [String: Any])
        #expect(Set(feed.keys) == Set(Self.feedKeys))
        for key in Self.feedKeys where key != "format" {
            #expect(feed[key] is NSNull, "feed.\(key) should be null")
        }
        #expect(feed["format"] as? String == "rss2.0")

        let entries = try #require(json["entries"] as? [[String: Any]])
        let entry = try #require(entries.first)
        #expect(Set(entry.keys) == Set(Self.entryKeys))
        for key in ["guid", "title", "link", "published", "updated", "summary", "content", "podcast"] {
            #expect(entry[key] is NSNull, "entry.\(key) should be null")
        }
        for key in ["authors", "categories"] {
            #expect((entry[key] as? [Any])?.isEmpty == true, "entry.\(key) should be an empty array")
        }
        let enclosure = try #require((entry["enclosures"] as? [[String: Any]])?.first)
        #expect(Set(enclosure.keys) == Set(Self.enclosureKeys))
        #expect(enclosure["type"] is NSNull)
        #expect(enclosure["length"] is NSNull)
    }

    @Test func topLevelKeysAreFeedThenEntries() throws {
        let document = try OrderedJSON.parse(Fixture.feed("Feeds/rss20-podcast.xml").contractJSON())
        #expect(document.keys == ["feed", "entries"])
    }

    @Test func feedKeysComeInContractOrder() throws {
        let document = try OrderedJSON.parse(Fixture.feed("Feeds/atom10-blog.xml").contractJSON())
        #expect(document["feed"]?.keys == Self.feedKeys)
    }

    @Test func entryAndEnclosureKeysComeInContractOrder() throws {
        let document = try OrderedJSON.parse(Fixture.feed("Feeds/rss20-podcast.xml").contractJSON())
        let entries = try #require(document["entries"]?.elements)
        #expect(entries.count == 3)
        for entry in entries {
            #expect(entry.keys == Self.entryKeys)
            for enclosure in entry["enclosures"]?.elements ?? [] {
                #expect(enclosure.keys == Self.enclosureKeys)
            }
        }
        #expect(entries[1]["enclosures"]?.elements?.count == 2)
    }

    @Test func writingIntoTheCallersObjectKeepsTheCallersKeysFirst() throws {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("spool_id")
        writer.string("2024-05-14T07:12:44Z-0001")
        Entry(guid: "g", title: "T").writeFields(to: &writer, openObject: false)
        writer.endObject()
        let object = try OrderedJSON.parse(writer.bytes)
        #expect(object.keys == ["spool_id"] + Self.entryKeys)
        #expect(object["title"] == .string("T"))
    }

    @Test func endLineStartsTheNextDocumentWithoutAComma() {
        var writer = JSONWriter()
        for number in [1, 2] as [Int64] {
            writer.beginObject()
            writer.key("n")
            writer.number(number)
            writer.endObject()
            writer.endLine()
        }
        #expect(String(decoding: writer.bytes, as: UTF8.self) == "{\"n\":1}\n{\"n\":2}\n")
        writer.removeAll()
        writer.beginArray()
        writer.endArray()
        #expect(String(decoding: writer.bytes, as: UTF8.self) == "[]")
    }

    // MARK: - Values

    @Test func valuesRoundTripThroughAJSONDecoder() throws {
        let source = try Fixture.feed("Feeds/rss20-podcast.xml", baseURL: "https://signalnoise.example.fm/feed.xml")
        let json = try decoded(source)
        let feed = try #require(json["feed"] as? [String: Any])
        #expect(feed["title"] as? String == "Signal & Noise: The Radio Engineering Hour")
        #expect(feed["updated"] as? String == "2024-05-02T09:00:00Z")
        #expect(feed["format"] as? String == "rss2.0")
        let entries = try #require(json["entries"] as? [[String: Any]])
        #expect(entries.count == source.entries.count)
        let first = entries[0]
        #expect(first["guid"] as? String == "signalnoise-042")
        #expect(first["link"] is NSNull)
        #expect(first["authors"] as? [String] == ["Dana Whitfield"])
        #expect(first["published"] as? String == "2024-05-02T09:00:00Z")
        let enclosure = try #require((first["enclosures"] as? [[String: Any]])?.first)
        #expect(enclosure["url"] as? String == "https://cdn.signalnoise.example.fm/episodes/042-ferrite.mp3")
        #expect(enclosure["type"] as? String == "audio/mpeg")
        #expect((enclosure["length"] as? NSNumber)?.int64Value == 48_213_776)
        #expect(entries[1]["categories"] as? [String] == ["Mailbag", "mailbag", "questions"])
    }

    @Test func lengthIsAJSONNumberNotAString() throws {
        let feed = Feed(format: .rss20, entries: [Entry(enclosures: [Enclosure(url: "u", type: "audio/mpeg", length: 9_007_199_254_740_993)])])
        let text = String(decoding: feed.contractJSON(), as: UTF8.self)
        #expect(text.contains("\"length\":9007199254740993}"))
    }

    @Test(arguments: [
        (Date(timeIntervalSince1970: 1_715_670_764), "2024-05-14T07:12:44Z"),
        (Date(timeIntervalSince1970: 1_715_670_764.999), "2024-05-14T07:12:44Z"),
        (Date(timeIntervalSince1970: 0), "1970-01-01T00:00:00Z"),
    ])
    func datesPrintInUTCToTheSecond(date: Date, text: String) throws {
        let json = try decoded(Feed(updated: date, format: .atom10, entries: [Entry(published: date, updated: date)]))
        #expect((json["feed"] as? [String: Any])?["updated"] as? String == text)
        let entry = try #require((json["entries"] as? [[String: Any]])?.first)
        #expect(entry["published"] as? String == text)
        #expect(entry["updated"] as? String == text)
    }

    @Test(arguments: FeedFormat.allCases)
    func formatPrintsItsContractName(format: FeedFormat) throws {
        let json = try decoded(Feed(format: format))
        let printed = (json["feed"] as? [String: Any])?["format"] as? String
        #expect(printed == format.rawValue)
        #expect(["rss2.0", "rss1.0", "rss0.9x", "atom1.0", "atom0.3", "json1.x"].contains(printed ?? ""))
    }

    // MARK: - Escaping

    @Test func quotesBackslashesAndControlCharactersAreEscaped() throws {
        let tricky = "He said \"hi\" \\ then\ttab\nnewline\rreturn\u{01}\u{1F}\u{08}\u{0C}end"
        let feed = Feed(title: tricky, format: .rss20, entries: [Entry(summary: tricky)])
        let text = String(decoding: feed.contractJSON(), as: UTF8.self)
        #expect(text.contains(#"He said \"hi\" \\ then\ttab\nnewline\rreturn\u0001\u001f"#))
        #expect(!text.utf8.contains(where: { $0 < 0x20 && $0 != 0x0A }), "a raw control character is in the JSON")
        let json = try decoded(feed)
        #expect((json["feed"] as? [String: Any])?["title"] as? String == tricky)
        #expect((json["entries"] as? [[String: Any]])?.first?["summary"] as? String == tricky)
    }

    @Test func lineAndParagraphSeparatorsAreEscaped() throws {
        let text = "line\u{2028}paragraph\u{2029}end"
        let feed = Feed(title: text, format: .rss20)
        let bytes = feed.contractJSON()
        let written = String(decoding: bytes, as: UTF8.self)
        #expect(written.contains(#"line\u2028paragraph\u2029end"#))
        #expect(!written.unicodeScalars.contains("\u{2028}"))
        #expect(!written.unicodeScalars.contains("\u{2029}"))
        #expect((try decoded(feed)["feed"] as? [String: Any])?["title"] as? String == text)
    }

    @Test func otherNonASCIITextIsWrittenAsUTF8() throws {
        let text = "Café – 東京 – 🎙️ – \u{E2}\u{2027}"
        let feed = Feed(title: text, format: .rss20)
        let written = String(decoding: feed.contractJSON(), as: UTF8.self)
        #expect(written.contains(text))
        #expect((try decoded(feed)["feed"] as? [String: Any])?["title"] as? String == text)
    }

    @Test func parsedFeedWithEntitiesAndQuotesRoundTrips() throws {
        let source = try Fixture.feed("Feeds/atom10-blog.xml")
        let json = try decoded(source)
        let entries = try #require(json["entries"] as? [[String: Any]])
        for (entry, original) in zip(entries, source.entries) {
            #expect(entry["content"] as? String == original.content)
            #expect(entry["summary"] as? String == original.summary)
            #expect(entry["title"] as? String == original.title)
        }
    }

    // MARK: - Layout

    @Test func eachEntryIsOnItsOwnLine() throws {
        let feed = try Fixture.feed("Feeds/rss20-wordpress.xml")
        let text = String(decoding: feed.contractJSON(), as: UTF8.self)
        #expect(text.hasSuffix("\n"))
        let lines = text.split(separator: "\n")
        #expect(lines.count == feed.entries.count + 1)
        for (line, entry) in zip(lines.dropFirst(), feed.entries) {
            #expect(line.contains("\"guid\":\"\(entry.guid ?? "")\""))
        }
    }

    @Test func feedWithoutEntriesHasAnEmptyArray() throws {
        let text = String(decoding: Feed(title: "T", format: .rss20).contractJSON(), as: UTF8.self)
        #expect(text == #"{"feed":{"title":"T","link":null,"subtitle":null,"language":null,"updated":null,"format":"rss2.0"},"entries":[]}"# + "\n")
    }
}

// MARK: - Ordered JSON

/// A JSON value that remembers the order of object keys, which
/// `JSONSerialization` forgets; just enough of a parser for these tests.
indirect enum OrderedJSON: Equatable {
    case object([(String, OrderedJSON)])
    case array([OrderedJSON])
    case string(String)
    case number(String)
    case bool(Bool)
    case null

    static func == (lhs: OrderedJSON, rhs: OrderedJSON) -> Bool {
        switch (lhs, rhs) {
        case (.object(let a), .object(let b)): return a.map(\.0) == b.map(\.0) && a.map(\.1) == b.map(\.1)
        case (.array(let a), .array(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.bool(let a), .bool(let b)): return a == b
        case (.null, .null): return true
        default: return false
        }
    }

    struct SyntaxError: Error {
        var offset: Int
    }

    /// The keys of an object, in document order; empty for other values.
    var keys: [String] {
        if case .object(let members) = self { return members.map(\.0) }
        return []
    }

    /// The elements of an array, or nil.
    var elements: [OrderedJSON]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    subscript(key: String) -> OrderedJSON? {
        if case .object(let members) = self { return members.first { $0.0 == key }?.1 }
        return nil
    }

    static func parse(_ bytes: [UInt8]) throws -> OrderedJSON {
        var reader = Reader(bytes: bytes)
        let value = try reader.value()
        reader.skipWhitespace()
        guard reader.index == bytes.count else { throw SyntaxError(offset: reader.index) }
        return value
    }

    private struct Reader {
        let bytes: [UInt8]
        var index = 0

        mutating func skipWhitespace() {
            while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
        }

        mutating func expect(_ byte: UInt8) throws {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == byte else { throw SyntaxError(offset: index) }
            index += 1
        }

        mutating func value() throws -> OrderedJSON {
            skipWhitespace()
            guard index < bytes.count else { throw SyntaxError(offset: index) }
            switch bytes[index] {
            case UInt8(ascii: "{"):
                index += 1
                var members: [(String, OrderedJSON)] = []
                skipWhitespace()
                if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
                while true {
                    skipWhitespace()
                    let key = try string()
                    try expect(UInt8(ascii: ":"))
                    members.append((key, try value()))
                    skipWhitespace()
                    if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    try expect(UInt8(ascii: "}"))
                    return .object(members)
                }
            case UInt8(ascii: "["):
                index += 1
                var elements: [OrderedJSON] = []
                skipWhitespace()
                if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(elements) }
                while true {
                    elements.append(try value())
                    skipWhitespace()
                    if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    try expect(UInt8(ascii: "]"))
                    return .array(elements)
                }
            case UInt8(ascii: "\""):
                return .string(try string())
            case UInt8(ascii: "n"):
                index += 4
                return .null
            case UInt8(ascii: "t"):
                index += 4
                return .bool(true)
            case UInt8(ascii: "f"):
                index += 5
                return .bool(false)
            default:
                let start = index
                while index < bytes.count, "-+.eE0123456789".utf8.contains(bytes[index]) { index += 1 }
                guard index > start else { throw SyntaxError(offset: index) }
                return .number(String(decoding: bytes[start..<index], as: UTF8.self))
            }
        }

        /// A string literal, decoded with `JSONSerialization` so escapes are
        /// read by the same rules as any consumer's.
        mutating func string() throws -> String {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw SyntaxError(offset: index) }
            let start = index
            index += 1
            while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
            }
            index += 1
            let literal = Data(bytes[start..<index])
            let decoded = try JSONSerialization.jsonObject(with: literal, options: .fragmentsAllowed)
            guard let text = decoded as? String else { throw SyntaxError(offset: start) }
            return text
        }
    }
}
