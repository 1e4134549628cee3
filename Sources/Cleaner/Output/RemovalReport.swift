extension CleanArticle {
    /// What was removed, as `feedspool clean --explain` prints it: a block per removal.
    /// Each block is the rule, what it was and its length on one line (after
    /// `file: ` when a file is given), the removed text indented below, then
    /// a blank line; empty when nothing was removed.
    public func removalReport(file: String? = nil) -> String {
        removed.map { removal in
            var block = file.map { $0 + ": " } ?? ""
            block += "\(removal.rule): \(removal.what), \(removal.chars) chars\n"
            if !removal.text.isEmpty { block += "    " + removal.text + "\n" }
            return block + "\n"
        }.joined()
    }
}
