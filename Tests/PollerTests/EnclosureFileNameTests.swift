import Testing
@testable import Poller

/// The names enclosures are saved under: from the URL's last path segment,
/// but never able to name a folder, a hidden file or a path outside the
/// feed's folder.
@Suite struct EnclosureFileNameTests {
    static let id = "21063715de3183b0aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"

    @Test(arguments: [
        ("https://cdn.example.org/shows/episode-42.mp3?dl=1#t=30", "21063715de3183b0-1-episode-42.mp3"),
        ("https://cdn.example.org/a/../../etc/passwd", "21063715de3183b0-1-passwd"),
        ("https://cdn.example.org/%2e%2e%2F%2e%2e%2Fetc%2Fpasswd", "21063715de3183b0-1-_2e_2e_2F_2e_2e_2Fetc_2Fpasswd"),
        ("https://cdn.example.org/..", "21063715de3183b0-1-enclosure"),
        ("https://cdn.example.org/.bashrc", "21063715de3183b0-1-bashrc"),
        ("https://cdn.example.org/", "21063715de3183b0-1-enclosure"),
        ("https://cdn.example.org", "21063715de3183b0-1-enclosure"),
        ("https://cdn.example.org/ep%201 (final)\\..\\x.mp3", "21063715de3183b0-1-ep_201__final__.._x.mp3"),
        ("https://cdn.example.org/épisode.ogg", "21063715de3183b0-1-_pisode.ogg"),
    ])
    func namesAreSafe(url: String, name: String) {
        #expect(EnclosureDownloads.fileName(url: url, articleID: Self.id, index: 0) == name)
    }

    @Test func aLongNameKeepsItsEndAndTheNumberTellsEnclosuresApart() {
        let url = "https://cdn.example.org/" + String(repeating: "a", count: 300) + ".mp3"
        let first = EnclosureDownloads.fileName(url: url, articleID: Self.id, index: 0)
        let second = EnclosureDownloads.fileName(url: url, articleID: Self.id, index: 1)
        #expect(first.count == "21063715de3183b0-1-".count + 100)
        #expect(first.hasSuffix("aaa.mp3"))
        #expect(first != second)
    }
}
