import ArgumentParser
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

    @Flag(exclusivity: .exclusive)
    var output: CleanRun.Form = .text

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
                files += try CleanRun.listedFiles(in: filesFrom)
            } catch {
                Console.error("\(filesFrom): cannot read: \(error)")
                throw ExitCode(1)
            }
        }
        if !CleanRun(form: output, baseURL: base, write: Console.write, fail: Console.error).clean(files) {
            throw ExitCode(1)
        }
    }
}

extension CleanRun.Form: EnumerableFlag {
    public static func help(for value: Self) -> ArgumentHelp? {
        switch value {
        case .text: return "Print the clean text (default)."
        case .html: return "Print the sanitised HTML."
        case .json: return "Print title, text, html, source and what was removed as JSON."
        case .explain: return "Print each removed block with its rule and its text, and nothing else."
        }
    }
}
