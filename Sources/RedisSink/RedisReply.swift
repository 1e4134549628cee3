/// A Redis server's reply to one command.
enum RedisReply: Equatable {
    case string([UInt8])
    case status(String)
    case error(String)
    case integer(Int)
    case array([RedisReply])
    case null
}
