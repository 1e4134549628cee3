import Foundation
import TestSupport
import Testing
@testable import FeedParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Documents written to attack a feed reader: external entities reading
/// local files or calling out to the network, entity-expansion bombs, deep
/// nesting, huge input, and bytes that are no text at all. Each must end
/// quickly with a feed that holds nothing it should not, or a clear error.
///
/// No test measures time; the suite's time limit is what catches a parser
/// that expands a bomb or hangs on a connection.
@Suite(.timeLimit(.minutes(1)))
struct HostileInputTests {
    // MARK: - Local files

    @Test func externalEntityForEtcPasswdYieldsNothingOfTheFile() throws {
        let feed = try Fixture.feed("Hostile/xxe-etc-passwd.xml")
        let json = String(decoding: feed.contractJSON(), as: UTF8.self)
        #expect(!json.contains("root:"))
        #expect(!json.contains("/bin/"))
        // The reference stays as written; nothing is read in its place.
        #expect(feed.title == "Totally Normal Feed &xxe;")
        #expect(feed.entries.map(\.title) == ["Read me &xxe;"])
        #expect(feed.entries.first?.summary == "Before &xxe; after")
    }

    @Test func externalEntityForALocalFileNeverReadsIt() throws {
        let secret = try SecretFiles()
        for reference in [secret.fileURL, secret.path] {
            let document = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY leak SYSTEM "\(reference)">]>
                <rss version="2.0"><channel><title>Leak &leak;</title><description>&leak;</description>
                <item><title>&leak;</title><description>before &leak; after</description><category>&leak;</category>
                <guid>&leak;</guid><author>&leak;</author></item></channel></rss>
                """
            let feed = try parse(document)
            secret.expectNoMarker(in: feed)
            #expect(feed.title == "Leak &leak;")
            #expect(feed.entries.count == 1)
        }
    }

    @Test func externalEntityInsideAtomXHTMLContentNeverReadsIt() throws {
        let secret = try SecretFiles()
        let document = """
            <?xml version="1.0"?>
            <!DOCTYPE feed [<!ENTITY leak SYSTEM "\(secret.fileURL)">]>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>X</title><entry><title>E</title>
            <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>&leak;</p></div></content>
            <summary type="html">&leak;</summary></entry></feed>
            """
        secret.expectNoMarker(in: try parse(document))
    }

    @Test func externalDTDOnDiskIsNeverLoaded() throws {
        let secret = try SecretFiles()
        let document = """
            <?xml version="1.0"?>
            <!DOCTYPE rss SYSTEM "\(secret.dtdURL)">
            <rss version="2.0"><channel><title>DTD &fromDTD; &leak;</title>
            <item><title>&fromDTD;</title></item></channel></rss>
            """
        let feed = try parse(document)
        secret.expectNoMarker(in: feed)
        #expect(feed.title == "DTD &fromDTD; &leak;")
    }

    @Test func parameterEntityPullingALocalDTDIsNeverExpanded() throws {
        let secret = try SecretFiles()
        let document = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [
              <!ENTITY % remote SYSTEM "\(secret.dtdURL)">
              %remote;
              <!ENTITY % file SYSTEM "\(secret.fileURL)">
              <!ENTITY % wrap "<!ENTITY &#x25; send SYSTEM 'file:///nonexistent/%file;'>">
              %wrap;
            ]>
            <rss version="2.0"><channel><title>PE</title><item><title>&fromDTD; &leak;</title></item></channel></rss>
            """
        let feed = try parse(document)
        secret.expectNoMarker(in: feed)
        #expect(feed.title == "PE")
        #expect(feed.entries.count == 1)
    }

    @Test func parameterEntityFixtureYieldsNothingOfEtcPasswd() throws {
        let feed = try Fixture.feed("Hostile/xxe-parameter-entity.xml")
        let json = String(decoding: feed.contractJSON(), as: UTF8.self)
        #expect(!json.contains("root:"))
        #expect(feed.title == "Parameter Entities")
        #expect(feed.entries.map(\.title) == ["Item &leak;"])
    }

    @Test func declaredEntityCannotRedefineAnHTMLEntity() throws {
        let feed = try parse("""
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY nbsp "<script>alert(1)</script>"><!ENTITY inject "</title><link>https://evil.example/</link><title>">]>
            <rss version="2.0"><channel><title>Safe&nbsp;title&inject;</title><link>https://good.example/</link></channel></rss>
            """)
        #expect(feed.title == "Safe title&inject;")
        #expect(feed.link == "https://good.example/")
        #expect(!String(decoding: feed.contractJSON(), as: UTF8.self).contains("script"))
    }

    // MARK: - Network

    @Test func externalDTDOnTheNetworkIsNeverFetched() throws {
        let listener = try LoopbackListener()
        let feed = try parse("""
            <?xml version="1.0"?>
            <!DOCTYPE rss SYSTEM "http://127.0.0.1:\(listener.port)/x.dtd">
            <rss version="2.0"><channel><title>Offline</title><item><title>&fromDTD;</title></item></channel></rss>
            """)
        #expect(feed.title == "Offline")
        #expect(!listener.wasContacted(), "the parser connected to the DTD's URL")
    }

    @Test func externalEntitiesOnTheNetworkAreNeverFetched() throws {
        let listener = try LoopbackListener()
        let base = "http://127.0.0.1:\(listener.port)"
        _ = try parse("""
            <?xml version="1.0"?>
            <?xml-stylesheet type="text/xsl" href="\(base)/style.xsl"?>
            <!DOCTYPE rss [
              <!ENTITY remote SYSTEM "\(base)/entity.txt">
              <!ENTITY % pe SYSTEM "\(base)/evil.dtd">
              %pe;
            ]>
            <rss version="2.0" xmlns:xi="http://www.w3.org/2001/XInclude"><channel><title>&remote;</title>
            <item><title>Include</title><description><xi:include href="\(base)/inc.xml" parse="text"/></description></item>
            </channel></rss>
            """)
        #expect(!listener.wasContacted(), "the parser connected to an entity's URL")
    }

    /// The proof the network tests rest on: a connection, even one closed
    /// at once, is noticed.
    @Test func loopbackListenerNoticesAConnection() throws {
        let listener = try LoopbackListener()
        #expect(!listener.wasContacted())
        #expect(listener.connectOnce())
        #expect(listener.wasContacted())
    }

    @Test func externalDTDFixtureOnPort9ParsesOffline() throws {
        let feed = try Fixture.feed("Hostile/external-dtd.xml")
        #expect(feed.title == "External DTD")
        #expect(feed.entries.map(\.title) == ["Declared elsewhere &fromdtd;"])
    }

    @Test func htmlPageFeedLinksAreListedNotFetched() throws {
        let listener = try LoopbackListener()
        let page = """
            <!DOCTYPE html><html><head>
            <link rel="alternate" type="application/rss+xml" href="http://127.0.0.1:\(listener.port)/feed.xml">
            <link rel="stylesheet" href="http://127.0.0.1:\(listener.port)/site.css">
            </head><body><img src="http://127.0.0.1:\(listener.port)/a.png"></body></html>
            """
        #expect(parseError(Array(page.utf8)) == .htmlPage(advertisedFeeds: ["http://127.0.0.1:\(listener.port)/feed.xml"]))
        #expect(!listener.wasContacted())
    }

    // MARK: - Expansion bombs

    @Test func billionLaughsEndsWithoutExpanding() throws {
        let feed = try Fixture.feed("Hostile/billion-laughs.xml")
        let json = String(decoding: feed.contractJSON(), as: UTF8.self)
        #expect(!json.contains("lollol"))
        #expect(json.utf8.count < 2_000)
        #expect(feed.title == "Laughing Matters &lol9;")
        #expect(feed.entries.map(\.title) == ["Ha &lol9;"])
        #expect(feed.warnings == ["the document declares XML entities; feedspool never expands them"])
    }

    @Test func billionLaughsInAttributeValuesEndsWithoutExpanding() throws {
        var document = "<?xml version=\"1.0\"?><!DOCTYPE feed [<!ENTITY lol \"lol\">"
        for level in 1...9 {
            document += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level == 1 ? "" : String(level - 1));", count: 10) + "\">"
        }
        document += """
            ]><feed xmlns="http://www.w3.org/2005/Atom"><title>Attr</title>
            <entry><title>A</title><link href="https://example.com/&lol9;"/><category term="&lol9;"/>
            <link rel="enclosure" href="https://example.com/&lol9;.mp3"/></entry></feed>
            """
        let feed = try parse(document)
        let json = String(decoding: feed.contractJSON(), as: UTF8.self)
        #expect(!json.contains("lollol"))
        #expect(feed.entries.count == 1)
    }

    @Test func quadraticBlowupEndsWithoutExpanding() throws {
        // One 50 KB entity referenced 10,000 times would expand to 500 MB.
        let payload = String(repeating: "A", count: 50_000)
        let document = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"\(payload)\">]>"
            + "<rss version=\"2.0\"><channel><title>Quadratic</title><item><title>Q</title><description>"
            + String(repeating: "&a;", count: 10_000)
            + "</description></item></channel></rss>"
        let feed = try parse(document)
        #expect(feed.title == "Quadratic")
        #expect(feed.entries.map(\.title) == ["Q"])
        let json = String(decoding: feed.contractJSON(), as: UTF8.self)
        #expect(!json.contains(String(repeating: "A", count: 100)))
        #expect(json.utf8.count < 100_000)
        #expect(feed.warnings.count == 1)
    }

    // MARK: - Depth and size

    @Test func hundredThousandNestedElementsInsideAFieldAreCutOff() throws {
        let depth = 100_000
        let document = "<rss version=\"2.0\"><channel><title>Deep</title><item><title>Shallow</title></item>"
            + "<item><title>Deep one</title><description>"
            + String(repeating: "<div>", count: depth) + "x" + String(repeating: "</div>", count: depth)
            + "</description></item></channel></rss>"
        let feed = try parse(document)
        #expect(feed.title == "Deep")
        #expect(feed.entries.first?.title == "Shallow")
        #expect(feed.entries.count >= 1)
        #expect(feed.warnings.count == 1)
        #expect(feed.warnings.first?.contains("depth") == true)
        let nested = feed.entries.dropFirst().first?.summary ?? ""
        #expect(nested.utf8.count < 10_000)
    }

    @Test func hundredThousandNestedUnknownElementsAreNoFeed() {
        let depth = 100_000
        let document = String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
        #expect(parseError(Array(document.utf8)) == .notAFeed(rootElement: "a"))
    }

    @Test func documentOverTheSizeLimitIsRefusedUnread() throws {
        let document = Array(rss(items: String(repeating: "<item><title>x</title></item>", count: 200)).utf8)
        let parser = FeedParser(maximumBytes: 4096)
        #expect(throws: FeedParseError.tooLarge(bytes: document.count, limit: 4096)) {
            try parser.parse(document)
        }
        #expect(FeedParseError.tooLarge(bytes: 5000, limit: 4096).description
            == "not parsed: the document has 5000 bytes, more than the limit of 4096")
    }

    @Test func fieldLongerThanTheCapIsCutShort() throws {
        let huge = String(repeating: "0123456789abcdef", count: (17 << 20) / 16)
        let feed = try parse(rss(items: "<item><title>Huge</title><description>\(huge)</description></item>"))
        let summary = try #require(feed.entries.first?.summary)
        #expect(summary.utf8.count <= FieldCapture.maximumBytes)
        #expect(summary.utf8.count > 1 << 20)
        #expect(feed.entries.first?.title == "Huge")
    }

    // MARK: - Not text at all

    @Test func emptyFileIsRefused() throws {
        let error = parseError(try Fixture.bytes("NotFeeds/empty.xml"))
        #expect(error == .empty)
        #expect(error?.description == "not a feed: the document is empty")
    }

    @Test func whitespaceOnlyFileIsEmpty() throws {
        #expect(parseError(try Fixture.bytes("NotFeeds/whitespace-only.xml")) == .empty)
    }

    @Test(arguments: ["NotFeeds/garbage.png", "NotFeeds/garbage.xml.gz"])
    func binaryGarbageIsRefused(path: String) throws {
        let error = parseError(try Fixture.bytes(path))
        #expect(error == .binary)
        #expect(error?.description == "not a feed: the document is binary data")
    }

    @Test func randomBytesNeverCrashTheParser() {
        var generator = SplitMix64(seed: 0x5EED_F00D)
        for length in [1, 2, 7, 64, 1000, 4096] {
            for _ in 0..<25 {
                let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
                // Never a feed, and refused with a one-line reason.
                let error = parseError(bytes)
                #expect(error != nil, "\(length) random bytes parsed as a feed")
                #expect(error.map { !$0.description.isEmpty && !$0.description.contains("\n") } ?? false)
            }
        }
    }

    @Test func randomBytesAfterAFeedPrefixNeverCrashTheParser() {
        var generator = SplitMix64(seed: 42)
        let prefix = Array("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Fuzz</title><item><title>".utf8)
        for _ in 0..<200 {
            let tail = (0..<Int(generator.next() % 300)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            // Either the feed as far as it goes, recovered, or a one-line refusal.
            do {
                let feed = try FeedParser().parse(prefix + tail)
                #expect(feed.title == "Fuzz")
                #expect(feed.warnings.count <= 2)
            } catch {
                #expect(!error.description.isEmpty && !error.description.contains("\n"))
            }
        }
    }
}

// MARK: - Helpers

/// A temporary folder holding a file with a unique marker and a DTD that
/// declares entities carrying the marker, so a test can prove the parser
/// never read either.
private struct SecretFiles {
    let marker = "FEEDSPOOL-SECRET-\(UUID().uuidString)"
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("feedspool-xxe-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("\(marker)\n".utf8).write(to: folder.appendingPathComponent("secret.txt"))
        try Data("""
            <!ENTITY fromDTD "\(marker)">
            <!ENTITY leak SYSTEM "\(folder.appendingPathComponent("secret.txt").absoluteString)">
            """.utf8).write(to: folder.appendingPathComponent("evil.dtd"))
    }

    /// The secret file's path, as a `file://` URL.
    var fileURL: String { folder.appendingPathComponent("secret.txt").absoluteString }
    /// The secret file's plain path.
    var path: String { folder.appendingPathComponent("secret.txt").path }
    /// The DTD's `file://` URL.
    var dtdURL: String { folder.appendingPathComponent("evil.dtd").absoluteString }

    /// Records an issue when the marker shows up anywhere in `feed`.
    func expectNoMarker(in feed: Feed, sourceLocation: SourceLocation = #_sourceLocation) {
        let json = String(decoding: feed.contractJSON(), as: UTF8.self)
        #expect(!json.contains(marker), "the secret file's content leaked into the feed", sourceLocation: sourceLocation)
        #expect(!feed.warnings.joined().contains(marker), "the secret leaked into a warning", sourceLocation: sourceLocation)
    }
}

/// A TCP socket listening on 127.0.0.1 at a free port, to prove that
/// nothing connects to it: a connection the parser opened, even one it
/// closed at once, waits in the listen queue until accepted.
private final class LoopbackListener {
    let port: UInt16
    private let socketFD: Int32

    struct SetupError: Error, CustomStringConvertible {
        var description: String
    }

    init() throws {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw SetupError(description: "socket() failed: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic -> Bool in
                bind(fd, generic, length) == 0 && listen(fd, 16) == 0 && getsockname(fd, generic, &length) == 0
            }
        }
        guard bound else {
            close(fd)
            throw SetupError(description: "cannot listen on 127.0.0.1: errno \(errno)")
        }
        socketFD = fd
        port = UInt16(bigEndian: address.sin_port)
    }

    deinit {
        close(socketFD)
    }

    /// Opens and closes one connection to the listener, as a client would.
    func connectOnce() -> Bool {
        #if canImport(Glibc)
        let client = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let client = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard client >= 0 else { return false }
        defer { close(client) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(client, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }

    /// Whether a connection is waiting, after a short grace period.
    func wasContacted() -> Bool {
        var request = pollfd(fd: socketFD, events: Int16(POLLIN), revents: 0)
        return poll(&request, 1, 200) > 0
    }
}

/// Lists long enough to make duplicate checks quadratic still parse in linear time.
@Suite struct LongListTests {
    @Test func hundredThousandKeywordsAndCategoriesParse() throws {
        let keywords = (0..<100_000).map { "k\($0)" }.joined(separator: ",")
        let categories = (0..<100_000).map { "<category>c\($0 % 50_000)</category>" }.joined()
        let feed = try parse("""
            <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><item>
            <itunes:keywords>\(keywords)</itunes:keywords>\(categories)</item></channel></rss>
            """)
        #expect(feed.entries[0].categories.count == 150_000)
    }
}
