#if canImport(Glibc)
import Glibc
#endif

/// A thread of its own for a hook worker, which blocks for as long as a command runs.
///
/// Dispatch's shared threads are for work that does not wait.
enum HookThread {
    private final class Body {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }

    /// Starts `body` on a new, detached thread.
    static func start(_ body: @escaping @Sendable () -> Void) {
        let context = Unmanaged.passRetained(Body(body)).toOpaque()
        var thread = pthread_t()
        let created = pthread_create(&thread, nil, { raw in
            let body = Unmanaged<Body>.fromOpaque(raw!).takeRetainedValue()
            body.run()
            return nil
        }, context)
        if created == 0 {
            pthread_detach(thread)
        } else {
            // No thread to be had: run here rather than never.
            Unmanaged<Body>.fromOpaque(context).takeRetainedValue().run()
        }
    }
}
