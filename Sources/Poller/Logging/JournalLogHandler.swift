import Logging

/// Writes each log line as `feedspool run` and `once` show it.
/// With the program name, or with its syslog priority when the lines go to the journal.
///
/// On a terminal, a pipe or a file the priority is not shown: lines read
/// `feedspool: …`, a warning `feedspool: warning: …`, and a problem of the
/// configuration file (logged with `Logger.problem`) reads
/// `file:line: message`, the form editors jump to. When the lines go to the
/// journal's stream, each starts with its priority as journald reads it
/// (`<3>` error, `<4>` warning, `<6>` information: systemd.exec's
/// `SyslogLevelPrefix=`) in place of the program name, which the journal
/// shows already. Messages never carry their level: the label comes from
/// here, and a warning logged with `Logger.unlabelled` has none.
public struct JournalLogHandler: LogHandler {
    /// Whether the lines go to the journal's stream.
    public let journal: Bool
    /// Where each finished line goes, its line break included.
    private let write: @Sendable (String) -> Void

    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    public var logLevel: Logger.Level = .info

    /// A handler that hands each line to `write`; `journal` chooses the form.
    public init(journal: Bool, write: @escaping @Sendable (String) -> Void) {
        self.journal = journal
        self.write = write
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        write(line(level: event.level, message: "\(event.message)", metadata: event.metadata) + "\n")
    }

    /// The line for one event, without its line break.
    public func line(level: Logger.Level, message: String, metadata: Logger.Metadata?) -> String {
        let form = metadata?[Logger.formKey]
        let label = level == .warning && form != Logger.unlabelledForm ? "warning: " : ""
        if journal { return "<\(Self.priority(of: level))>\(label)\(message)" }
        if form == Logger.fileLineForm { return message }
        return "feedspool: \(label)\(message)"
    }

    /// The syslog priority of `level` (sd-daemon(3)): 3 error, 4 warning, 5 notice, 6 information, 7 debug.
    public static func priority(of level: Logger.Level) -> Int {
        switch level {
        case .critical: 2
        case .error: 3
        case .warning: 4
        case .notice: 5
        case .info: 6
        case .debug, .trace: 7
        }
    }
}

extension Logger {
    /// The metadata key that tells a handler how a line reads.
    public static let formKey = "form"
    /// The form of a line that starts with its own `file:line:`.
    public static let fileLineForm: Logger.Metadata.Value = "file-line"
    /// The form of a warning whose line has no `warning: ` label.
    /// The daemon's notices of what it does instead (a gone feed left out, a
    /// reload refused) read as statements.
    public static let unlabelledForm: Logger.Metadata.Value = "unlabelled"
    /// The metadata of a warning without a label.
    public static let unlabelled: Logger.Metadata = [formKey: unlabelledForm]

    /// Logs one problem of the configuration file, `file:line: message`, as an error.
    public func problem(_ line: String) {
        error("\(line)", metadata: [Self.formKey: Self.fileLineForm])
    }
}
