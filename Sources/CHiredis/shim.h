// Typed shims over hiredis for the RedisSink module: connecting with
// timeouts, sending one command as an argument vector, and reading replies,
// so that Swift never handles hiredis's variadic or void-pointer API.
#ifndef FEEDSPOOL_CHIREDIS_SHIM_H
#define FEEDSPOOL_CHIREDIS_SHIM_H

#include <hiredis/hiredis.h>
#include <sys/time.h>

/// Connects to `host`:`port` within `timeout_ms`, and gives every later
/// command the same time to answer. NULL when out of memory; otherwise check
/// `fs_redis_failed`.
static inline redisContext *fs_redis_connect(const char *host, int port, long timeout_ms) {
    struct timeval timeout = { timeout_ms / 1000, (timeout_ms % 1000) * 1000 };
    redisContext *context = redisConnectWithTimeout(host, port, timeout);
    if (context != NULL && context->err == 0) redisSetTimeout(context, timeout);
    return context;
}

/// Whether the connection failed (then it cannot be used again).
static inline int fs_redis_failed(const redisContext *context) {
    return context->err != 0;
}

/// The connection's error message, empty when none.
static inline const char *fs_redis_error(const redisContext *context) {
    return context->errstr;
}

/// Sends one command, `count` arguments of the given lengths (binary-safe),
/// and waits for its reply. NULL when the connection failed.
static inline redisReply *fs_redis_command(redisContext *context, int count,
                                           const char **arguments, const size_t *lengths) {
    return (redisReply *)redisCommandArgv(context, count, arguments, lengths);
}

/// Frees a reply and all it holds.
static inline void fs_redis_free_reply(redisReply *reply) {
    freeReplyObject(reply);
}

/// Closes the connection and frees it.
static inline void fs_redis_free(redisContext *context) {
    redisFree(context);
}

#endif
