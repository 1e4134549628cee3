import Spool

extension Spool.Recovery {
    /// What start-up recovery did, in one line for the log; nil when it did nothing.
    /// Logged as information: an abandoned round leaves deliveries to finish by design.
    public var report: String? {
        guard moved + alreadyDelivered + strayFilesRemoved > 0 else { return nil }
        return "finished deliveries an earlier process left: \(Daemon.count(moved, "article")) "
            + "moved into new/, \(alreadyDelivered) already there, "
            + "\(Daemon.count(strayFilesRemoved, "unrecorded file")) removed from tmp/"
    }
}
