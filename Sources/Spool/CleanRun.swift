import Cleaner
import FeedParser
import InputFiles

/// `feedspool clean`'s work: each file cleaned and written in one form, the files it cannot read named.
///
/// Output is handed over in pieces of about 64 KiB, not one write an article: `clean` is handed
/// hundreds of short fragments at a time. JSON goes straight into one writer's buffer, a line an
/// article. What was cleaned before a file that cannot be read is handed over before that file's
/// error, as it would be unbuffered, even when stdout and stderr are one pipe.
public struct CleanRun {
    /// What is written of each article.
    public enum Form: String, CaseIterable, Sendable {
        /// The clean text, and a line break.
        case text
        /// The sanitised HTML, and a line break.
        case html
        /// One line of JSON (`CleanArticle.writeJSONLine`).
        case json
        /// Only what was removed (`CleanArticle.removalReport`), after the file's name when there are several.
        case explain
    }

    /// The longest list of files `--files-from` reads.
    public static let maximumListBytes = 64 << 20
    /// How much output is gathered before it is handed over.
    static let pieceBytes = 1 << 16

    private let form: Form
    private let baseURL: String?
    private let write: ([UInt8]) -> Void
    private let fail: (String) -> Void

    /// A run writing `form` through `write`, each file it cannot read named in one line to `fail`.
    /// - Parameter baseURL: The articles' URL; relative links resolve against it.
    public init(form: Form, baseURL: String?, write: @escaping ([UInt8]) -> Void, fail: @escaping (String) -> Void) {
        self.form = form
        self.baseURL = baseURL
        self.write = write
        self.fail = fail
    }

    /// The paths `list` (a file, or `-` for standard input) names, one a line.
    public static func listedFiles(in list: String) throws(InputFileError) -> [String] {
        try BoundedReader.read(list, limit: maximumListBytes)
            .split(separator: UInt8(ascii: "\n")).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Cleans `files` (paths, or `-` for standard input) in order; false when any could not be read.
    public func clean(_ files: [String]) -> Bool {
        let cleaner = Cleaner()
        var succeeded = true
        var pending: [UInt8] = []
        var json = JSONWriter(capacity: form == .json ? 1 << 17 : 0)
        for file in files {
            do {
                let bytes = try BoundedReader.read(file, limit: Cleaner.maximumPageBytes)
                let article = cleaner.clean(utf8: TextDecoding.utf8(from: bytes), baseURL: baseURL,
                                            writesHTML: form == .html || form == .json)
                switch form {
                case .json:
                    article.writeJSONLine(to: &json)
                case .explain:
                    pending.append(contentsOf: article.removalReport(file: files.count > 1 ? file : nil).utf8)
                case .text, .html:
                    pending.append(contentsOf: form == .text ? article.textUTF8 : article.htmlUTF8)
                    pending.append(UInt8(ascii: "\n"))
                }
                flush(&pending, &json, from: Self.pieceBytes)
            } catch {
                flush(&pending, &json, from: 0)
                if case .tooLarge = error {
                    fail("\(file): \(error), not cleaned")
                } else {
                    fail("\(file): cannot read: \(error)")
                }
                succeeded = false
            }
        }
        flush(&pending, &json, from: 0)
        return succeeded
    }

    /// Hands over what is buffered once there are at least `size` bytes.
    private func flush(_ pending: inout [UInt8], _ json: inout JSONWriter, from size: Int) {
        if !pending.isEmpty, pending.count >= size {
            write(pending)
            pending.removeAll(keepingCapacity: true)
        }
        if json.byteCount > 0, json.byteCount >= size {
            write(json.bytes)
            json.removeAll()
        }
    }
}
