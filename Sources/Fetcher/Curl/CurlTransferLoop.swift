import CCurl
import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#endif
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

// The only file of the Fetcher module that talks to libcurl.

// MARK: - The library

/// libcurl as a whole: initialised once per process, and what it can do.
enum CurlLibrary {
    /// Runs `curl_global_init` the first time it is read. Swift initialises a
    /// static once, under a lock, so two fetchers made at the same time
    /// cannot both run it; libcurl 7.84+ is also thread-safe there itself.
    static let isReady: Bool = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK

    /// The libcurl version in use, such as "7.88.1".
    static var version: String { String(cString: fs_curl_version()) }

    /// The `Content-Encoding`s this libcurl decodes, in the order it offers them.
    static var decodedEncodings: [String] {
        (fs_curl_decodes_gzip() != 0 ? ["deflate", "gzip"] : [])
            + (fs_curl_decodes_brotli() != 0 ? ["br"] : [])
            + (fs_curl_decodes_zstd() != 0 ? ["zstd"] : [])
    }

    /// Whether libcurl is recent enough for `CURLOPT_PROTOCOLS_STR` (7.85).
    static var hasProtocolStrings: Bool { fs_curl_version_number() >= 0x075500 }

    /// An HTTP date (IMF-fixdate, RFC 850 or asctime) as seconds since 1970.
    static func seconds(fromHTTPDate text: String) -> Int? {
        let seconds = curl_getdate(text, nil)
        return seconds < 0 ? nil : Int(seconds)
    }

    /// The scheme and lowercased host of `url`, or why it is not a URL.
    /// A URL without a scheme is refused rather than guessed as http.
    static func parts(of url: String) -> Result<(scheme: String, host: String), FetchError> {
        guard let handle = curl_url() else { return .failure(.failed("out of memory")) }
        defer { curl_url_cleanup(handle) }
        let code = curl_url_set(handle, CURLUPART_URL, url, 0)
        guard code == CURLUE_OK else {
            // libcurl says "Bad scheme" for a URL that has none at all.
            let reason = url.contains("://") || url.lowercased().hasPrefix("file:")
                ? String(cString: curl_url_strerror(code)) : "no scheme such as https://"
            return .failure(.invalidURL(url, reason: reason))
        }
        func part(_ which: CURLUPart) -> String {
            var value: UnsafeMutablePointer<CChar>?
            guard curl_url_get(handle, which, &value, 0) == CURLUE_OK, let value else { return "" }
            defer { curl_free(value) }
            return String(cString: value).lowercased()
        }
        return .success((part(CURLUPART_SCHEME), part(CURLUPART_HOST)))
    }
}

// MARK: - The transfer loop

/// The libcurl multi handle and the one thread that drives it.
///
/// Threading rule: the multi handle, every easy handle and every `Transfer`
/// are touched only by the loop thread, a thread of its own that `init`
/// starts and `stop` ends (libcurl handles
/// may not be used from two threads at once, and its callbacks run on the
/// thread that drives the multi handle). Other threads reach the loop only
/// through `submit` and `stop`, which change `inbox` and call
/// `curl_multi_wakeup`, the one multi call libcurl allows from any thread,
/// both under `inbox`'s lock: the loop thread frees the multi handle only
/// after it has seen `stopping` under that lock, so no wake-up can reach a
/// freed handle. That is what makes the `@unchecked Sendable` sound.
final class CurlTransferLoop: @unchecked Sendable {
    /// What `inbox`'s lock guards.
    private struct LoopInbox {
        var requests: [(request: FetchRequest, batch: Batch)] = []
        var stopping = false
        /// Results handed to their batches that the callers have not taken yet.
        var undelivered = 0
    }

    /// How many redirects a transfer follows.
    static let maximumRedirects = 5

    private let multi: UnsafeMutableRawPointer
    private let stopped = DispatchSemaphore(value: 0)
    /// The loop thread: a thread of its own, not a Dispatch worker.
    /// A worker it would hold for good, and Dispatch would set its priority
    /// from the QoS of the thread that started it (refused in the unit's sandbox).
    private var loopThread = pthread_t()

    /// What other threads and the loop share.
    /// Requests to start, whether to stop, and how many results wait for their
    /// callers.
    private let inbox = Mutex(LoopInbox())
    /// While this many results wait for their callers, no transfer starts.
    /// The loop never waits for a slow caller, but neither do bodies pile up in
    /// memory without bound (the transfers running go on).
    private let maximumUndelivered: Int

    private var waiting: TransferQueue<(request: FetchRequest, batch: Batch, scheme: String)>  // loop thread only

    /// Makes the multi handle and starts the loop thread.
    /// Nil when libcurl cannot be initialised or is older than 7.85.
    init?(concurrency: Int, perHost: Int) {
        guard CurlLibrary.isReady, CurlLibrary.hasProtocolStrings, let multi = curl_multi_init() else {
            return nil
        }
        self.multi = multi
        waiting = TransferQueue(concurrency: concurrency, perHost: perHost)
        maximumUndelivered = 2 * waiting.concurrency
        // libcurl's own cap backs up the queue's: it counts connections, the
        // queue counts transfers (HTTP/2 may carry several on one
        // connection). Per host, only the queue caps: a request may raise
        // its host's cap above the fetcher's `perHost`.
        _ = fs_curl_multi_setopt_long(multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, waiting.concurrency)
        // Idle connections kept for reuse by later transfers and batches.
        _ = fs_curl_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, max(16, 2 * waiting.concurrency))
        // The thread holds the loop until `run` returns.
        let context = Unmanaged.passRetained(self).toOpaque()
        let started = pthread_create(&loopThread, nil, { context in
            let loop = Unmanaged<CurlTransferLoop>.fromOpaque(context!).takeRetainedValue()
            loop.run()
            loop.stopped.signal()
            return nil
        }, context)
        guard started == 0 else {
            Unmanaged<CurlTransferLoop>.fromOpaque(context).release()
            curl_multi_cleanup(multi)
            return nil
        }
        pthread_detach(loopThread)
    }

    /// Whether the caller runs on the loop thread.
    var isLoopThread: Bool { pthread_equal(pthread_self(), loopThread) != 0 }

    /// Hands requests to the loop thread; `batch` hears about each of them.
    func submit(_ requests: [FetchRequest], to batch: Batch) {
        inbox.withLock { inbox in
            inbox.requests.append(contentsOf: requests.map { ($0, batch) })
            curl_multi_wakeup(multi)
        }
    }

    /// Ends the loop thread at its next turn and waits for it, unless called from it.
    /// Called when the `Fetcher` goes away, so no `fetch` is waiting. The multi
    /// handle is freed on the loop thread as it ends.
    func stop() {
        inbox.withLock { inbox in
            inbox.stopping = true
            curl_multi_wakeup(multi)
        }
        if !isLoopThread { stopped.wait() }
    }

    private func run() {
        var running: [UnsafeMutableRawPointer: Transfer] = [:]
        while true {
            let (incoming, stop, backlog) = inbox.withLock { inbox in
                defer { inbox.requests = [] }
                return (inbox.requests, inbox.stopping, inbox.undelivered)
            }
            if stop { break }
            for entry in incoming {
                switch CurlLibrary.parts(of: entry.request.url) {
                case .failure(let error):
                    hand(entry.batch, entry.request.id, .failure(error))
                case .success(let parts):
                    let allowed = parts.scheme == "http" || parts.scheme == "https"
                        || (parts.scheme == "file" && entry.request.allowFile)
                    if allowed {
                        waiting.enqueue((entry.request, entry.batch, parts.scheme), host: parts.host,
                                        cap: entry.request.perHost)
                    } else {
                        hand(entry.batch, entry.request.id, .failure(.schemeRefused(entry.request.url)))
                    }
                }
            }
            while backlog < maximumUndelivered, let (entry, host) = waiting.next() {
                guard let transfer = Transfer(entry.request, batch: entry.batch, host: host,
                                              isFile: entry.scheme == "file") else {
                    waiting.finished(host: host)
                    hand(entry.batch, entry.request.id, .failure(.failed("libcurl could not make a handle")))
                    continue
                }
                if let error = transfer.configure() {
                    waiting.finished(host: host)
                    hand(entry.batch, entry.request.id, .failure(error))
                } else if curl_multi_add_handle(multi, transfer.handle) != CURLM_OK {
                    waiting.finished(host: host)
                    hand(entry.batch, entry.request.id, .failure(.failed("libcurl could not start the transfer")))
                } else {
                    running[transfer.handle] = transfer
                }
            }
            var stillRunning: Int32 = 0
            let performed = curl_multi_perform(multi, &stillRunning)
            if performed != CURLM_OK {
                // As for a failed poll below: no spinning while it lasts.
                failRunning(&running, reason: performed)
                usleep(100_000)
                continue
            }
            var finishedAny = false
            while true {
                var handle: UnsafeMutableRawPointer?
                var code = CURLE_OK
                fs_curl_multi_next_done(multi, &handle, &code)
                guard let handle, let transfer = running.removeValue(forKey: handle) else { break }
                curl_multi_remove_handle(multi, handle)
                waiting.finished(host: transfer.host)
                hand(transfer.batch, transfer.request.id, transfer.result(code))
                finishedAny = true
            }
            if finishedAny { continue }  // start the next waiting transfers now
            // curl_multi_poll returns early when a socket is ready, when one of
            // libcurl's own timers (timeouts, low-speed checks) is due, or on
            // curl_multi_wakeup; the idle wait only bounds a missed wake-up.
            let polled = curl_multi_poll(multi, nil, 0, running.isEmpty ? 60_000 : 1_000, nil)
            if polled != CURLM_OK {
                // A poll that fails returns at once: without a pause, the
                // loop would spin on the CPU while the failure lasts.
                failRunning(&running, reason: polled)
                usleep(100_000)
            }
        }
        for (handle, _) in running { curl_multi_remove_handle(multi, handle) }
        running = [:]
        curl_multi_cleanup(multi)
    }

    /// Hands a result to its batch, counted until its caller has taken it.
    private func hand(_ batch: Batch, _ id: Int, _ result: Result<FetchResponse, FetchError>) {
        inbox.withLock { $0.undelivered += 1 }
        batch.deliver(id, result) { [self] in
            inbox.withLock { inbox in
                inbox.undelivered -= 1
                // Room again: wake the loop to start what waits.
                if inbox.undelivered == maximumUndelivered - 1, !inbox.stopping { curl_multi_wakeup(multi) }
            }
        }
    }

    /// Ends every running transfer with libcurl's `reason`, after `curl_multi_perform` or `curl_multi_poll` failed.
    /// Whether their transfers still progress is unknown.
    private func failRunning(_ running: inout [UnsafeMutableRawPointer: Transfer], reason: CURLMcode) {
        let message = "libcurl failed: " + String(cString: curl_multi_strerror(reason))
        for (handle, transfer) in running {
            curl_multi_remove_handle(multi, handle)
            waiting.finished(host: transfer.host)
            hand(transfer.batch, transfer.request.id, .failure(.failed(message)))
        }
        running = [:]
    }
}

// MARK: - One transfer

/// One request's easy handle and what its callbacks collected. Touched only
/// on the loop thread; the callbacks find it through the pointer libcurl
/// passes them, since C callbacks cannot capture it.
final class Transfer {
    let request: FetchRequest
    let batch: Batch
    let host: String
    /// Whether the requested URL is a `file://` URL (the request allows it).
    let isFile: Bool
    let handle: UnsafeMutableRawPointer

    private var log = ResponseLog()
    private var body: [UInt8] = []
    private var overLimit = false
    private var headerList: UnsafeMutablePointer<curl_slist>?
    /// Where libcurl writes a one-line message when a transfer fails.
    private let errorBuffer: UnsafeMutablePointer<CChar>

    init?(_ request: FetchRequest, batch: Batch, host: String, isFile: Bool) {
        guard let handle = curl_easy_init() else { return nil }
        self.request = request
        self.batch = batch
        self.host = host
        self.isFile = isFile
        self.handle = handle
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
    }

    deinit {
        curl_easy_cleanup(handle)
        curl_slist_free_all(headerList)
        errorBuffer.deallocate()
    }

    /// Sets every option; returns an error when one that keeps feedspool safe cannot be set.
    func configure() -> FetchError? {
        let me = Unmanaged.passUnretained(self).toOpaque()
        // libcurl reads 0 as "no limit"; the conversions never give 0.
        let connectTimeout = min(request.connectTimeout.curlMilliseconds, Int(Int32.max))
        let timeout = min(request.timeout.curlMilliseconds, Int(Int32.max))
        let lowSpeedTime = min(request.lowSpeedTime.curlSeconds, Int(Int32.max))
        var failed = [
            fs_curl_setopt_string(handle, CURLOPT_URL, request.url),
            fs_curl_setopt_pointer(handle, CURLOPT_PRIVATE, me),
            fs_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer),
            fs_curl_setopt_write_callback(handle, receiveBody, me),
            fs_curl_setopt_header_callback(handle, receiveHeader, me),
            // Threads: libcurl must not use signals (SIGALRM) for DNS timeouts.
            fs_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1),
            fs_curl_setopt_long(handle, CURLOPT_NETRC,
                                Int((request.netrcFile == nil ? CURL_NETRC_IGNORED : CURL_NETRC_OPTIONAL).rawValue)),
            // Only http and https, redirects included; file only when asked,
            // and then nothing else (a file cannot redirect).
            fs_curl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, isFile ? "file" : "http,https"),
            fs_curl_setopt_string(handle, CURLOPT_REDIR_PROTOCOLS_STR, "http,https"),
            fs_curl_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 1),
            fs_curl_setopt_long(handle, CURLOPT_MAXREDIRS, CurlTransferLoop.maximumRedirects),
            fs_curl_setopt_long(handle, CURLOPT_SUPPRESS_CONNECT_HEADERS, 1),
            // "" offers every encoding this libcurl decodes (gzip, deflate, br, zstd).
            fs_curl_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, ""),
            fs_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, connectTimeout),
            fs_curl_setopt_long(handle, CURLOPT_TIMEOUT_MS, timeout),
            fs_curl_setopt_long(handle, CURLOPT_LOW_SPEED_LIMIT, max(1, request.lowSpeedLimit)),
            fs_curl_setopt_long(handle, CURLOPT_LOW_SPEED_TIME, lowSpeedTime),
            // Refuses early on a Content-Length over the cap; the body callback
            // enforces the cap on decoded bytes, which this cannot see.
            fs_curl_setopt_off_t(handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(max(0, request.maxBytes))),
            fs_curl_setopt_long(handle, CURLOPT_TCP_KEEPALIVE, 1),
            fs_curl_setopt_long(handle, CURLOPT_TCP_KEEPIDLE, 60),
            fs_curl_setopt_long(handle, CURLOPT_TCP_KEEPINTVL, 60),
        ].contains { $0 != CURLE_OK }
        failed = failed || configureAccess()
        if ResponseLog.isSafeHeaderValue(request.userAgent) {
            failed = failed || fs_curl_setopt_string(handle, CURLOPT_USERAGENT, request.userAgent) != CURLE_OK
        }
        var headers = ["Accept: " + Self.accept]
        if let etag = request.etag, !etag.isEmpty, ResponseLog.isSafeHeaderValue(etag) {
            headers.append("If-None-Match: " + etag)
        }
        if let date = request.lastModified, !date.isEmpty, ResponseLog.isSafeHeaderValue(date) {
            headers.append("If-Modified-Since: " + date)
        }
        headers += request.headers.filter(ResponseLog.isSafeHeaderValue)
        for header in headers {
            // curl_slist_append returns NULL, leaving the list as it was, when out of memory.
            guard let list = curl_slist_append(headerList, header) else { return .failed("out of memory") }
            headerList = list
        }
        failed = failed || fs_curl_setopt_slist(handle, CURLOPT_HTTPHEADER, headerList) != CURLE_OK
        return failed ? .failed("libcurl \(CurlLibrary.version) refused a required option") : nil
    }

    /// Sets the login, netrc file, cookie file and proxy the request asks for; returns whether one was refused.
    /// libcurl sends the login only to the URL's own host
    /// (`CURLOPT_UNRESTRICTED_AUTH` stays off).
    private func configureAccess() -> Bool {
        var results: [CURLcode] = []
        if let login = request.login {
            results.append(fs_curl_setopt_string(handle, CURLOPT_USERNAME, login.user))
            results.append(fs_curl_setopt_string(handle, CURLOPT_PASSWORD, login.password))
        }
        if let netrc = request.netrcFile { results.append(fs_curl_setopt_string(handle, CURLOPT_NETRC_FILE, netrc)) }
        if let cookies = request.cookieFile { results.append(fs_curl_setopt_string(handle, CURLOPT_COOKIEFILE, cookies)) }
        switch request.proxy {
        case nil: break
        case .direct: results.append(fs_curl_setopt_string(handle, CURLOPT_NOPROXY, "*"))
        case .url(let proxy): results.append(fs_curl_setopt_string(handle, CURLOPT_PROXY, proxy))
        }
        return results.contains { $0 != CURLE_OK }
    }

    /// The media types feeds come as, then anything (a feed served as text/html or text/plain is still parsed).
    private static let accept = "application/rss+xml, application/atom+xml, application/feed+json, "
        + "application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5"

    /// Keeps `count` decoded body bytes, or refuses them all over the cap.
    /// Refusing returns 0, which aborts the transfer.
    func appendBody(_ bytes: UnsafeMutablePointer<CChar>?, count: Int) -> Int {
        guard let bytes, count > 0 else { return count }
        guard body.count + count <= request.maxBytes else {
            // A short count makes libcurl abort the transfer with
            // CURLE_WRITE_ERROR; nothing over the cap is ever kept.
            overLimit = true
            return 0
        }
        bytes.withMemoryRebound(to: UInt8.self, capacity: count) {
            body.append(contentsOf: UnsafeBufferPointer(start: $0, count: count))
        }
        return count
    }

    /// The decoded body bytes kept so far.
    var bodyCount: Int { body.count }

    fileprivate func appendHeader(_ bytes: UnsafeMutablePointer<CChar>?, count: Int) -> Int {
        guard let bytes, count > 0 else { return count }
        let line = UnsafeRawBufferPointer(start: bytes, count: count)
        let startsResponse = log.read(line: line) {
            fs_curl_getinfo_string(handle, CURLINFO_EFFECTIVE_URL).map { String(cString: $0) }
        }
        // A redirect's body is not the feed: keep only the last response's.
        if startsResponse { body = [] }
        return count
    }

    /// The response, or why there is none, once libcurl reports `code`.
    func result(_ code: CURLcode) -> Result<FetchResponse, FetchError> {
        guard code == CURLE_OK else { return .failure(error(code)) }
        var status = fs_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE)
        if isFile { status = 200 }  // libcurl reports 0: there is no HTTP status
        let headers = log.headers
        let contentType = headers["content-type"]
        let notModified = status == 304
        return .success(FetchResponse(
            id: request.id, url: request.url,
            effectiveURL: fs_curl_getinfo_string(handle, CURLINFO_EFFECTIVE_URL).map { String(cString: $0) }
                ?? request.url,
            status: status,
            body: notModified ? [] : body,
            contentType: contentType,
            charset: contentType.flatMap(ResponseLog.charset(inContentType:)),
            etag: headers["etag"] ?? (notModified ? request.etag : nil),
            lastModified: headers["last-modified"] ?? (notModified ? request.lastModified : nil),
            permanentRedirect: log.permanentRedirect,
            retryAfter: headers["retry-after"].flatMap {
                ResponseLog.retryAfter($0, now: Date(), httpDate: CurlLibrary.seconds(fromHTTPDate:))
            },
            freshFor: isFile ? nil : ResponseLog.freshness(cacheControl: headers["cache-control"],
                                                           expires: headers["expires"], now: Date(),
                                                           httpDate: CurlLibrary.seconds(fromHTTPDate:))))
    }

    private func error(_ code: CURLcode) -> FetchError {
        let buffered = String(cString: errorBuffer)
        let message = buffered.isEmpty ? String(cString: curl_easy_strerror(code)) : buffered
        if overLimit || code == CURLE_FILESIZE_EXCEEDED { return .tooLarge(limit: request.maxBytes) }
        switch code {
        case CURLE_TOO_MANY_REDIRECTS:
            return .tooManyRedirects(limit: CurlTransferLoop.maximumRedirects)
        case CURLE_UNSUPPORTED_PROTOCOL:
            if log.isRedirect, let target = log.headers["location"] { return .redirectRefused(to: target) }
            return .schemeRefused(request.url)
        case CURLE_URL_MALFORMAT:
            return .invalidURL(request.url, reason: message)
        case CURLE_OPERATION_TIMEDOUT:
            return .timedOut(message)
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY, CURLE_COULDNT_CONNECT,
             CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM,
             CURLE_SSL_CIPHER, CURLE_SSL_CACERT_BADFILE, CURLE_SEND_ERROR, CURLE_RECV_ERROR,
             CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE, CURLE_HTTP2, CURLE_HTTP2_STREAM,
             CURLE_PROXY, CURLE_WEIRD_SERVER_REPLY:
            return .connectionFailed(message)
        default:
            return .failed(message)
        }
    }
}

/// libcurl's body callback: the decoded bytes of the response, in pieces.
private let receiveBody: curl_write_callback = { bytes, size, count, context in
    Unmanaged<Transfer>.fromOpaque(context!).takeUnretainedValue().appendBody(bytes, count: size * count)
}

/// libcurl's header callback: one whole header line per call.
private let receiveHeader: curl_write_callback = { bytes, size, count, context in
    Unmanaged<Transfer>.fromOpaque(context!).takeUnretainedValue().appendHeader(bytes, count: size * count)
}
