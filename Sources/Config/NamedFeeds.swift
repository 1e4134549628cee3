extension Configuration {
    /// The feeds `names` name, each once, in the order first named; and the names no feed has.
    /// A name given twice is polled once: two polls of one feed would fetch
    /// it twice and report its failure twice.
    public func feeds(named names: [String]) -> (feeds: [FeedSettings], unknown: [String]) {
        var seen = Set<String>()
        let unique = names.filter { seen.insert($0).inserted }
        return (unique.compactMap(feed(named:)), unique.filter { feed(named: $0) == nil })
    }
}
