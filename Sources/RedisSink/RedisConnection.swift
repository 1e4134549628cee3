import CHiredis

/// One connection to a Redis server, through hiredis: the only file that talks to hiredis.
/// Commands are sent as argument vectors (binary-safe), one at a time, each
/// waiting for its reply within the connection's timeout.
///
/// Threading: one connection serves one thread at a time; it is not `Sendable`.
final class RedisConnection {
    private let context: OpaquePointer
    private let endpoint: RedisEndpoint

    /// Connects to `endpoint` within `timeout`, logs in when it names a password, and selects its database.
    /// - Throws: `RedisError` naming the endpoint (without its password).
    init(_ endpoint: RedisEndpoint, timeout: Duration) throws(RedisError) {
        let milliseconds = Int(timeout.components.seconds) * 1000 + Int(timeout.components.attoseconds / 1_000_000_000_000_000)
        guard let context = fs_redis_connect(endpoint.host, Int32(endpoint.port), max(1, milliseconds)) else {
            throw RedisError(endpoint: endpoint, message: "out of memory")
        }
        if fs_redis_failed(context) != 0 {
            let message = String(cString: fs_redis_error(context))
            fs_redis_free(context)
            throw RedisError(endpoint: endpoint, message: message)
        }
        // From here on a throw runs deinit, which frees the context.
        self.context = OpaquePointer(context)
        self.endpoint = endpoint
        if let password = endpoint.password {
            let login = endpoint.user.map { ["AUTH", $0, password] } ?? ["AUTH", password]
            if case .error(let message) = try command(login.map { Array($0.utf8) }) {
                // The server's words ("WRONGPASS invalid username-password pair"), never the password.
                throw RedisError(endpoint: endpoint, message: message)
            }
        }
        if endpoint.database != 0,
           case .error(let message) = try command([Array("SELECT".utf8), Array(String(endpoint.database).utf8)]) {
            throw RedisError(endpoint: endpoint, message: message)
        }
    }

    deinit {
        fs_redis_free(UnsafeMutablePointer(context))
    }

    /// Sends `arguments` as one command and returns the reply; a Redis error reply is a `.error` value, not a throw.
    /// - Throws: `RedisError` when the connection failed (it cannot be used again).
    func command(_ arguments: [[UInt8]]) throws(RedisError) -> RedisReply {
        let context = UnsafeMutablePointer<redisContext>(self.context)
        let reply: UnsafeMutablePointer<redisReply>? = withArgumentVector(arguments) { pointers, lengths in
            fs_redis_command(context, Int32(arguments.count), pointers, lengths)
        }
        guard let reply else {
            throw RedisError(endpoint: endpoint, message: String(cString: fs_redis_error(context)))
        }
        defer { fs_redis_free_reply(reply) }
        return RedisReply(reply.pointee)
    }

    private func withArgumentVector<Result>(
        _ arguments: [[UInt8]],
        _ body: (UnsafeMutablePointer<UnsafePointer<CChar>?>, UnsafePointer<Int>) -> Result
    ) -> Result {
        // The arguments are copied, whole, into one buffer, so their pointers stay valid for the call.
        var buffer: [UInt8] = []
        buffer.reserveCapacity(arguments.reduce(1) { $0 + $1.count })
        var offsets: [Int] = []
        for argument in arguments {
            offsets.append(buffer.count)
            buffer.append(contentsOf: argument)
        }
        buffer.append(0)  // never read (the lengths say where each ends); the buffer is never empty
        let lengths = arguments.map(\.count)
        return buffer.withUnsafeBytes { raw in
            let base = raw.bindMemory(to: CChar.self).baseAddress!
            var pointers: [UnsafePointer<CChar>?] = offsets.map { base + $0 }
            return pointers.withUnsafeMutableBufferPointer { vector in
                lengths.withUnsafeBufferPointer { body(vector.baseAddress!, $0.baseAddress!) }
            }
        }
    }
}

extension RedisReply {
    /// The Swift form of a hiredis reply, copied out of it.
    init(_ reply: redisReply) {
        switch reply.type {
        case REDIS_REPLY_STRING:
            self = .string(Self.bytes(reply))
        case REDIS_REPLY_STATUS:
            self = .status(String(decoding: Self.bytes(reply), as: UTF8.self))
        case REDIS_REPLY_ERROR:
            self = .error(String(decoding: Self.bytes(reply), as: UTF8.self))
        case REDIS_REPLY_INTEGER:
            self = .integer(Int(reply.integer))
        case REDIS_REPLY_ARRAY:
            self = .array((0..<reply.elements).compactMap { index in reply.element[index].map { RedisReply($0.pointee) } })
        default:
            self = .null
        }
    }

    private static func bytes(_ reply: redisReply) -> [UInt8] {
        guard let string = reply.str else { return [] }
        return string.withMemoryRebound(to: UInt8.self, capacity: reply.len) {
            Array(UnsafeBufferPointer(start: $0, count: reply.len))
        }
    }
}
