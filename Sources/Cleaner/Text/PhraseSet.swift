/// Phrases a key may hold, looked for through a few shorter anchors that the phrases share.
///
/// A rule that asks whether a key holds any of dozens of phrases (`containsBytes(of:)` over a
/// list) searches the key for each anchor, a few bytes without a space that several phrases
/// hold, and for a group's phrases only where its anchor is found. Every phrase holds its anchor,
/// so the answers are those of the list.
struct PhraseSet: Sendable {
    /// The anchors, each with its phrases and their places in the list.
    private let groups: [(anchor: [UInt8], phrases: [(phrase: String, place: Int)])]

    /// The set of `phrases`, grouped under the anchors that cover the most phrases first.
    init(_ phrases: [String]) {
        var left = phrases.enumerated().map { (phrase: $0.element, place: $0.offset, pieces: Self.pieces(of: $0.element)) }
        var groups: [(anchor: [UInt8], phrases: [(phrase: String, place: Int)])] = []
        while !left.isEmpty {
            // Each piece, in the order first seen, with how many of the phrases left hold it.
            var pieces: [[UInt8]] = []
            var holders: [[UInt8]: Int] = [:]
            for entry in left {
                for piece in entry.pieces {
                    if holders[piece] == nil { pieces.append(piece) }
                    holders[piece, default: 0] += 1
                }
            }
            let anchor = pieces.max { (holders[$0]!, $0.count) < (holders[$1]!, $1.count) } ?? []
            groups.append((anchor, left.filter { $0.pieces.contains(anchor) }.map { ($0.phrase, $0.place) }))
            left.removeAll { $0.pieces.contains(anchor) }
        }
        self.groups = groups
    }

    /// The anchors `phrase` may be found by, each once.
    ///
    /// They are its runs of bytes without a space, at most five bytes of each at a time.
    /// Runs of three bytes or more are used when the phrase has some; a phrase without a run is its own anchor.
    private static func pieces(of phrase: String) -> [[UInt8]] {
        let runs = Array(phrase.utf8).split(separator: 0x20).map(Array.init)
        let usable = runs.contains { $0.count >= 3 } ? runs.filter { $0.count >= 3 } : runs
        guard !usable.isEmpty else { return [Array(phrase.utf8)] }
        var seen: Set<[UInt8]> = []
        return usable.flatMap { run in
            run.count <= 5 ? [run] : (0...(run.count - 5)).map { Array(run[$0..<($0 + 5)]) }
        }.filter { seen.insert($0).inserted }
    }

    /// Whether `key` holds one of the phrases: `phrases.contains(where: key.containsBytes(of:))`.
    func isFound(in key: some StringProtocol) -> Bool {
        key.withBytes { bytes in
            groups.contains { group in
                holds(bytes, group.anchor) && group.phrases.contains { entry in entry.phrase.withBytes { ByteSearch.contains(bytes, $0) } }
            }
        }
    }

    /// The first phrase in the list's order that `key` holds: `phrases.first(where: key.containsBytes(of:))`.
    func first(in key: some StringProtocol) -> String? {
        key.withBytes { bytes in
            var found: (phrase: String, place: Int)?
            for group in groups where holds(bytes, group.anchor) {
                for entry in group.phrases where entry.place < found?.place ?? Int.max {
                    if entry.phrase.withBytes({ ByteSearch.contains(bytes, $0) }) { found = entry }
                }
            }
            return found?.phrase
        }
    }

    /// Whether `bytes` hold `anchor`.
    private func holds(_ bytes: UnsafeBufferPointer<UInt8>, _ anchor: [UInt8]) -> Bool {
        anchor.withUnsafeBufferPointer { ByteSearch.contains(bytes, $0) }
    }
}
