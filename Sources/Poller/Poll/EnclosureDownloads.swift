import Config
import Fetcher
import Spool
import State

/// Downloads the enclosures of a feed's new articles (`enclosures = DIR`) into `DIR/<feed name>/`.
/// It goes through the fetcher pages use, so under the same `concurrency`
/// and `per-host` caps, each at most `enclosure-max-size`. A download that
/// fails leaves its article without that file, with one line saying why:
/// the article itself is always delivered.
struct EnclosureDownloads {
    let feed: FeedSettings
    /// `DIR/<feed name>`; feed names cannot climb out of `DIR` (`Values.name`).
    let folder: String
    let fetcher: any FeedFetching

    /// How long one download may take in all; a stalled one is dropped sooner by the fetcher's low-speed limit.
    static let timeout = Duration.seconds(3600)

    /// The local path of each enclosure of each article, by article, and a line for each one that failed.
    /// The path is nil for those not downloaded.
    func files(for articles: [SpoolArticle]) -> (files: [[String?]], problems: [String]) {
        var files = articles.map { [String?](repeating: nil, count: $0.entry.enclosures.count) }
        var problems: [String] = []
        var requests: [FetchRequest] = []
        var targets: [(article: Int, enclosure: Int, name: String)] = []
        for (articleIndex, article) in articles.enumerated() {
            for (index, enclosure) in article.entry.enclosures.enumerated() {
                let url = enclosure.url
                guard url.lowercased().hasPrefix("http://") || url.lowercased().hasPrefix("https://") else {
                    problems.append("enclosure \(url.prefix(200)): not http or https, not downloaded")
                    continue
                }
                let name = Self.fileName(url: url, articleID: article.id, index: index)
                // An update of an entry whose file is there already: kept.
                if (try? EnclosureFile.exists(folder: folder, name: name)) == true {
                    files[articleIndex][index] = folder + "/" + name
                    continue
                }
                var request = FetchRequest(url: url, id: targets.count, settings: feed)
                request.maxBytes = feed.enclosureMaxSize
                request.timeout = Self.timeout
                requests.append(request)
                targets.append((articleIndex, index, name))
            }
        }
        for (id, result) in fetcher.results(requests) {
            let target = targets[id]
            let url = articles[target.article].entry.enclosures[target.enclosure].url
            switch result {
            case .success(let response) where response.isSuccess:
                do {
                    try EnclosureFile.write(response.body, folder: folder, name: target.name)
                    files[target.article][target.enclosure] = folder + "/" + target.name
                } catch {
                    problems.append("enclosure \(url): \(error); delivered without it")
                }
            case .success(let response):
                problems.append("enclosure \(url): HTTP \(response.status); delivered without it")
            case .failure(let error):
                problems.append("enclosure \(url): \(error); delivered without it")
            }
        }
        return (files, problems)
    }

    /// The file name of enclosure `index` (from 0) of article `articleID`:
    /// the id's first 16 hex digits, the enclosure's number, and the last
    /// segment of the URL's path with every character but ASCII letters,
    /// digits, `.`, `_` and `-` turned into `_`, at most 100 characters, so
    /// no URL can name a folder, a hidden file or a path outside the feed's
    /// folder: `21063715de3183b0-1-episode-42.mp3`.
    static func fileName(url: String, articleID: String, index: Int) -> String {
        var path = Substring(url)
        if let scheme = path.firstRange(of: "://") { path = path[scheme.upperBound...] }
        path = path.prefix { $0 != "?" && $0 != "#" }
        let segment = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().last ?? ""
        var safe = String(segment.map { character -> Character in
            character.isASCII && (character.isLetter || character.isNumber || "._-".contains(character)) ? character : "_"
        }.suffix(100))
        while safe.hasPrefix(".") { safe.removeFirst() }
        if safe.isEmpty { safe = "enclosure" }
        return "\(articleID.prefix(16))-\(index + 1)-\(safe)"
    }
}
