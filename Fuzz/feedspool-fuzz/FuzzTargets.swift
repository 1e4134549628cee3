import Cleaner
import Config
@_spi(Fuzzing) import Fetcher
import FeedParser
import Foundation

/// The inputs feedspool takes from outside, each as one function a fuzzer
/// (or a regression run) feeds bytes to. A crash, a trap or a sanitizer
/// report is a finding; returning is a pass, whatever the input made of it.
enum FuzzTarget: String, CaseIterable {
    case parse, clean, dates, config, headers

    /// Runs one input through the target.
    func run(_ bytes: [UInt8]) {
        switch self {
        case .parse:
            // A bad document is an error, which is fine; the output must be writable.
            if let feed = try? FeedParser().parse(bytes, baseURL: "https://example.org/feed") {
                _ = feed.contractJSON()
            }
        case .clean:
            let article = Cleaner().clean(utf8: bytes, baseURL: "https://example.org/post")
            _ = article.textUTF8.count + article.htmlUTF8.count
        case .dates:
            _ = FeedDate.parse(String(decoding: bytes, as: UTF8.self)).map(FeedDate.format)
        case .config:
            let path = FuzzFiles.configPath
            guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else { return }
            _ = try? ConfigLoader.load(path: path)
        case .headers:
            var log = ResponseLog()
            for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
                _ = log.read(line: line, currentURL: { "https://example.org/feed" })
            }
            let text = String(decoding: bytes, as: UTF8.self)
            _ = ResponseLog.charset(inContentType: text)
            _ = ResponseLog.retryAfter(text, now: Date(timeIntervalSince1970: 1_700_000_000), httpDate: { _ in nil })
            _ = ResponseLog.isSafeHeaderValue(text)
            _ = ResponseLog.freshness(cacheControl: text, expires: text, now: Date(timeIntervalSince1970: 1_700_000_000),
                                      httpDate: { _ in 1_700_000_100 })
        }
    }
}

/// Where the config target writes each input: a file of this process's own,
/// in a folder of its own, so `include` lines resolve into nothing real.
enum FuzzFiles {
    static let configPath: String = {
        let folder = NSTemporaryDirectory() + "feedspool-fuzz-\(getpid())"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder + "/feeds.conf"
    }()
}
