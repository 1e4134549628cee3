import Cleaner
import Foundation

// Usage: clean-fragments LIST ROUNDS
// Reads the files named in LIST (one path a line) into memory, cleans them
// all once to warm up, then ROUNDS times, and prints tab-separated:
// fragments, bytes, the best round's seconds, every round's seconds.
let arguments = CommandLine.arguments
guard arguments.count == 3, let rounds = Int(arguments[2]), rounds > 0,
      let list = try? String(contentsOfFile: arguments[1], encoding: .utf8)
else {
    FileHandle.standardError.write(Data("usage: clean-fragments LIST ROUNDS\n".utf8))
    exit(2)
}
let fragments = list.split(separator: "\n").map { path in
    String(decoding: FileManager.default.contents(atPath: String(path)) ?? Data(), as: UTF8.self)
}
let bytes = fragments.reduce(0) { $0 + $1.utf8.count }
let cleaner = Cleaner()
// Kept so that no round's work can be skipped.
var written = 0
for fragment in fragments { written &+= cleaner.clean(fragment).textUTF8.count }
let clock = ContinuousClock()
var seconds: [Double] = []
for _ in 0..<rounds {
    let elapsed = clock.measure {
        for fragment in fragments { written &+= cleaner.clean(fragment).htmlUTF8.count }
    }
    seconds.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
}
print([String(fragments.count), String(bytes), String(format: "%.4f", seconds.min()!),
       seconds.map { String(format: "%.4f", $0) }.joined(separator: " "), String(written)].joined(separator: "\t"))
