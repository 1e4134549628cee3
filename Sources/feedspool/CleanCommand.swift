import ArgumentParser
import Cleaner
import FeedParser
import InputFiles
import Spool

/// `feedspool clean`: prints an article without comments, share bars and other boilerplate, as text, HTML or JSON.
struct CleanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clean",
        abstract: "Clean an article (HTML fragment, whole page or plain text) of boilerplate.",
        discussion: """
            Prints the clean text (the default), the sanitised HTML, or a JSON object \
            {"title", "text", "html", "source", "removed": [{"what", "chars", "rule", "text"}]}, \
            one article after the other (a line each in JSON). --explain prints only what was \
            removed: for each removal a line "rule: what, N chars" (after the file's name when \
            several files are cleaned) and the removed text indented below it, then a blank \
            line. Many files are best named with \
            --files-from, one path a line: `find … | feedspool clean --json --files-from -`. \
            Exit status: 0 on success, 1 when a file cannot be read, 2 for usage errors.
            """
    )

    /// The output forms.
    enum Output: String, EnumerableFlag {
        case text, html, json, explain

        static func help(for value: Output) -> ArgumentHelp? {
            switch value {
            case .text: return "Print the clean text (default)."
            case .html: return "Print the sanitised HTML."
            case .json: return "Print title, text, html, source and what was removed as JSON."
            case .explain: return "Print each removed block with its rule and its text, and nothing else."
            }
        }
    }

    /// The longest list of files `--files-from` reads.
    static let maximumListBytes = 64 << 20

    @Flag(exclusivity: .exclusive)
    var output: Output = .text

    @Option(name: .long, help: ArgumentHelp("The article's URL; relative links resolve against it.", valueName: "URL"))
    var base: String?

    @Option(name: .long, help: ArgumentHelp("Also clean the files named in LIST, one path a line (- for standard input).",
                                            valueName: "LIST"))
    var filesFrom: String?

    @Argument(help: ArgumentHelp("The article files, or - for standard input.", valueName: "FILE|-"))
    var files: [String] = []

    func validate() throws {
        if files.isEmpty && filesFrom == nil { throw ValidationError("Missing expected argument '<FILE|->'") }
        if filesFrom != nil, files.contains("-") {
            throw ValidationError("standard input cannot be an article and the list of files at once")
        }
    }

    func run() throws {
        var files = self.files
        if let filesFrom {
            do {
                let list = try BoundedReader.read(filesFrom, limit: Self.maximumListBytes)
                files += list.split(separator: UInt8(ascii: "\n")).map { String(decoding: $0, as: UTF8.self) }
            } catch {
                Console.error("\(filesFrom): cannot read: \(error)")
                throw ExitCode(1)
            }
        }
        let cleaner = Cleaner()
        var failed = false
        // Output is written in large pieces, not one system call an article:
        // `clean` is handed hundreds of short fragments at a time. JSON goes
        // straight into one writer's buffer, a line an article.
        var pending: [UInt8] = []
        var json = JSONWriter(capacity: output == .json ? 1 << 17 : 0)
        for file in files {
            do {
                let bytes = try BoundedReader.read(file, limit: Cleaner.maximumPageBytes)
                let article = cleaner.clean(utf8: TextDecoding.utf8(from: bytes), baseURL: base,
                                            writesHTML: output == .html || output == .json)
                switch output {
                case .json:
                    article.writeJSONLine(to: &json)
                case .explain:
                    pending.append(contentsOf: article.removalReport(file: files.count > 1 ? file : nil).utf8)
                case .text, .html:
                    pending.append(contentsOf: output == .text ? article.textUTF8 : article.htmlUTF8)
                    pending.append(UInt8(ascii: "\n"))
                }
                Self.flush(&pending, &json, from: 1 << 16)
            } catch {
                // The articles before this file come first, as they would
                // unbuffered, even when stdout and stderr are one pipe.
                Self.flush(&pending, &json, from: 0)
                if case .tooLarge = error {
                    Console.error("\(file): \(error), not cleaned")
                } else {
                    Console.error("\(file): cannot read: \(error)")
                }
                failed = true
            }
        }
        Self.flush(&pending, &json, from: 0)
        if failed { throw ExitCode(1) }
    }

    /// Writes out what is buffered once there are at least `size` bytes.
    private static func flush(_ pending: inout [UInt8], _ json: inout JSONWriter, from size: Int) {
        if !pending.isEmpty, pending.count >= size {
            Console.write(pending)
            pending.removeAll(keepingCapacity: true)
        }
        if json.byteCount > 0, json.byteCount >= size {
            Console.write(json.bytes)
            json.removeAll()
        }
    }
}
