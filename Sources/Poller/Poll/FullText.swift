import Cleaner
import Config
import FeedParser
import Fetcher

/// Fetches the web pages of new entries for feeds with `fulltext=yes`, whose entries carry only a summary.
/// The cleaner then extracts the article from each page. A page that cannot be fetched leaves its
/// entry with what the feed gave, and says so in one line.
struct FullText {
    let feed: FeedSettings
    let fetcher: any FeedFetching

    /// The HTML of each entry's page, by entry index, and a one-line note for each page that could not be had.
    func pages(for entries: [Entry]) -> (pages: [Int: String], problems: [String]) {
        var requests: [FetchRequest] = []
        for (index, entry) in entries.enumerated() {
            guard let link = entry.link, link.lowercased().hasPrefix("http") else { continue }
            var request = FetchRequest(url: link, id: index, settings: feed)
            request.maxBytes = min(feed.maxSize, Cleaner.maximumPageBytes)
            requests.append(request)
        }
        var pages: [Int: String] = [:]
        var problems: [String] = []
        for (id, result) in fetcher.results(requests) {
            let link = entries[id].link ?? ""
            switch result {
            case .success(let response) where response.isSuccess:
                pages[id] = TextDecoding.string(from: response.body, charset: response.charset)
            case .success(let response):
                problems.append("full text of \(link): HTTP \(response.status); kept the feed's summary")
            case .failure(let error):
                problems.append("full text of \(link): \(error); kept the feed's summary")
            }
        }
        return (pages, problems)
    }
}
