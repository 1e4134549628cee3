import Foundation

/// Runs `body` on a thread of its own and returns what it returns, so that a
/// test waiting there (for a child process, a pipe, a server's port) leaves
/// Swift's cooperative pool, one thread per core, to the other tests.
public func onOwnThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try body() }) }.start()
    }
}

/// Runs `body` on a thread of its own, as the throwing `onOwnThread` does.
public func onOwnThread<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        Thread { continuation.resume(returning: body()) }.start()
    }
}
