import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Synchronization

public struct HTTPRequestSpec: Sendable {
    public var method: String
    public var url: String
    public var headers: [(String, String)]
    public var body: [UInt8]?
    /// Safe to send twice (GET/PUT/DELETE, or a write the tracker de-duplicates). Only these are retried after
    /// a failure that may have reached the tracker.
    public var idempotent: Bool

    public init(method: String, url: String, headers: [(String, String)] = [], body: [UInt8]? = nil, idempotent: Bool? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.idempotent = idempotent ?? ["GET", "HEAD", "PUT", "DELETE", "OPTIONS"].contains(method)
    }
}

public struct HTTPResponseData: Sendable {
    public var status: Int
    /// Names lowercased.
    public var headers: [(String, String)]
    public var body: [UInt8]

    public init(status: Int, headers: [(String, String)], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public func header(_ name: String) -> String? {
        let lower = name.lowercased()
        return headers.first { $0.0 == lower }?.1
    }
}

/// When to try again, and how long to wait.
public struct RetryPolicy: Sendable {
    public var maxAttempts = 5
    public var baseDelay: Duration = .milliseconds(250)
    public var maxDelay: Duration = .seconds(8)
    /// A wait the tracker asks for (Retry-After, rate-limit reset) longer than this ends the request instead.
    public var maxServerWait: Duration = .seconds(60)

    public init() {}

    /// Exponential backoff with full jitter.
    public func backoff(attempt: Int) -> Duration {
        let exponent = min(attempt - 1, 10)
        let cap = min(Double(baseDelay.components.seconds) + Double(baseDelay.components.attoseconds) / 1e18, 1e9)
            * pow(2, Double(exponent))
        let limit = min(cap, Double(maxDelay.components.seconds))
        return .milliseconds(Int(Double.random(in: 0.5...1.0) * limit * 1000))
    }

    /// Seconds from `Retry-After` (seconds or an HTTP date) or, when the budget is spent, `x-ratelimit-reset`.
    public static func serverWait(_ response: HTTPResponseData, now: Date = Date()) -> Duration? {
        if let value = response.header("retry-after") {
            if let seconds = Int(value.trimmingCharacters(in: .whitespaces)) { return .seconds(max(0, seconds)) }
            let f = DateFormatter()
            f.locale = Locale(identifier: "en_US_POSIX")
            f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
            if let date = f.date(from: value) { return .seconds(max(0, Int(date.timeIntervalSince(now).rounded(.up)))) }
        }
        if response.header("x-ratelimit-remaining") == "0", let reset = response.header("x-ratelimit-reset").flatMap(Double.init) {
            return .seconds(max(0, Int((reset - now.timeIntervalSince1970).rounded(.up))))
        }
        return nil
    }

    /// The answer every tracker gives for "not now": 429, 503 and rate-limit 403s were not processed; 502 and 504
    /// may have been. Trackers extend this with what their bodies say (see `ResponseClassifier`).
    public static func standardVerdict(_ response: HTTPResponseData) -> RetryVerdict? {
        switch response.status {
        case 429, 503: return RetryVerdict(wait: serverWait(response), mayHaveTakenEffect: false)
        case 502, 504: return RetryVerdict(wait: serverWait(response), mayHaveTakenEffect: true)
        case 403 where response.header("retry-after") != nil || response.header("x-ratelimit-remaining") == "0":
            return RetryVerdict(wait: serverWait(response), mayHaveTakenEffect: false)
        default: return nil
        }
    }
}

/// One pool for the whole process, never shut down (a global is never deinitialised), so a tracker can be dropped
/// at any point (errors, Ctrl-C). Connection attempts are not retried inside the pool: a refused or unreachable
/// tracker must fail within seconds, and our own retry loop decides what to do next. The pool opens as many
/// connections to a host as the most `--concurrency` allows (AsyncHTTPClient's own default is 8, which would hold
/// a larger setting to 8): each client's `ConcurrencyLimiter` is the bound.
private let processWideHTTPClient: HTTPClient = {
    var configuration = HTTPClient.Configuration()
    configuration.connectionPool.retryConnectionEstablishment = false
    configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = TrackerHTTPClient.maximumConcurrency
    configuration.timeout.connect = .seconds(10)
    return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
}()

/// Bounds in-flight requests; waiters are served in order.
actor ConcurrencyLimiter {
    private var available: Int
    private var waiters: [CheckedContinuation<Void, Never>] = []

    init(_ limit: Int) { available = max(1, limit) }

    func acquire() async {
        if available > 0 {
            available -= 1
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    func release() {
        if waiters.isEmpty { available += 1 } else { waiters.removeFirst().resume() }
    }
}

/// The HTTP client every tracker uses: one connection pool per run (AsyncHTTPClient on SwiftNIO, chosen over
/// URLSession because on Linux it gives real per-request deadlines, connection reuse under concurrent load and
/// no libcurl threading surprises), retries with backoff for what is safe to retry, `Retry-After` and rate-limit
/// resets honoured, a bound on concurrent requests, and error texts scrubbed of secrets.
public final class TrackerHTTPClient: Sendable {
    /// The most requests a client may have in flight (`--concurrency` takes 1 to this).
    public static let maximumConcurrency = 64
    /// Requests in flight at once unless `--concurrency` says otherwise: ten, as the AWS CLI and terraform default
    /// to, so the ten writes of a small sync go in one round trip. Each tracker's pacer, not this bound, keeps a
    /// large push under its published rate limits.
    public static let defaultConcurrency = 10

    private let client: HTTPClient
    private let limiter: ConcurrencyLimiter
    private let pausedUntil = Mutex<ContinuousClock.Instant?>(nil)
    private let counter = Mutex(0)
    private let userAgent: String
    private let timeout: Duration
    private let redactor: SecretRedactor
    private let policy: RetryPolicy
    private let sleep: @Sendable (Duration) async throws -> Void
    private let classify: ResponseClassifier
    private let pacer: RequestPacer?

    /// `secrets` are scrubbed from every message this client makes (and registered with `Secrets` for every other
    /// message of the process); `classify` is the tracker's reading of "not now" answers; `pacer` spaces every
    /// request (retries included) under the tracker's published rate limits.
    public init(userAgent: String = "git-sync-work-items", concurrency: Int = TrackerHTTPClient.defaultConcurrency,
                timeout: Duration = .seconds(30), secrets: [String] = [], policy: RetryPolicy = RetryPolicy(),
                classify: @escaping ResponseClassifier = RetryPolicy.standardVerdict, pacer: RequestPacer? = nil,
                sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }) {
        client = processWideHTTPClient
        limiter = ConcurrencyLimiter(min(concurrency, Self.maximumConcurrency))
        self.userAgent = userAgent
        self.timeout = timeout
        for secret in secrets { Secrets.register(secret) }
        redactor = SecretRedactor(secrets: secrets)
        self.policy = policy
        self.classify = classify
        self.pacer = pacer
        self.sleep = sleep
    }

    public var requestCount: Int { counter.withLock { $0 } }

    /// Sends `spec`, retrying what may be retried. Statuses the caller must judge (4xx) come back as responses.
    public func send(_ spec: HTTPRequestSpec) async throws(TrackerError) -> HTTPResponseData {
        var attempt = 0
        while true {
            attempt += 1
            await waitForBudget()
            try await waitForTurn(spec)
            let outcome = await perform(spec)
            switch outcome {
            case .failure(let error, let sent):
                if (spec.idempotent || !sent) && attempt < policy.maxAttempts {
                    try await pause(policy.backoff(attempt: attempt))
                    continue
                }
                let where_ = "\(spec.method) \(redact(Self.describe(spec.url)))"
                if sent && !spec.idempotent {
                    throw .outcomeUnknown("\(where_): the connection failed after the request was sent (\(redact(error))); it may or may not have taken effect: run the sync again to check")
                }
                throw .unavailable("\(where_): \(redact(error))")
            case .response(let response):
                noteBudget(response)
                guard let verdict = classify(response) else { return response }
                guard (spec.idempotent || !verdict.mayHaveTakenEffect) && attempt < policy.maxAttempts else { return response }
                let wait = verdict.wait ?? policy.backoff(attempt: attempt)
                // A 429 means the budget is spent for every request of this run, not just this one.
                if response.status == 429 { pacer?.hold(for: min(wait, policy.maxServerWait)) }
                if wait > policy.maxServerWait {
                    let until = Date().addingTimeInterval(Double(wait.components.seconds))
                    let f = DateFormatter()
                    f.dateFormat = "HH:mm"
                    throw .rateLimited("\(Self.describe(spec.url)): rate limited; retry after \(f.string(from: until))")
                }
                try await pause(wait)
            }
        }
    }

    private enum Outcome { case response(HTTPResponseData), failure(String, sent: Bool) }

    private func perform(_ spec: HTTPRequestSpec) async -> Outcome {
        var request = HTTPClientRequest(url: spec.url)
        request.method = HTTPMethod(rawValue: spec.method)
        request.headers.add(name: "User-Agent", value: userAgent)
        for (name, value) in spec.headers { request.headers.add(name: name, value: value) }
        if let body = spec.body {
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        await limiter.acquire()
        counter.withLock { $0 += 1 }
        do {
            let response = try await client.execute(request, timeout: .seconds(Int64(timeout.components.seconds)))
            let body = try await response.body.collect(upTo: 64 * 1024 * 1024)
            await limiter.release()
            var headers: [(String, String)] = []
            for (name, value) in response.headers { headers.append((name.lowercased(), value)) }
            return .response(HTTPResponseData(status: Int(response.status.code), headers: headers, body: Array(buffer: body)))
        } catch {
            await limiter.release()
            return .failure(String(describing: error), sent: !Self.neverSent(error))
        }
    }

    /// Errors raised before any byte of the request left this machine.
    static func neverSent(_ error: any Error) -> Bool {
        if let e = error as? HTTPClientError, e == .connectTimeout { return true }
        let text = String(describing: error).lowercased()
        return text.contains("connectionrefused") || text.contains("connection refused") || text.contains("connect(")
            || text.contains("connecttimeout") || text.contains("dns") || text.contains("nameresolution")
    }

    private func waitForBudget() async {
        guard let until = pausedUntil.withLock({ $0 }) else { return }
        let now = ContinuousClock.now
        if until > now { try? await sleep(min(until - now, policy.maxServerWait)) }
    }

    private func noteBudget(_ response: HTTPResponseData) {
        guard response.header("x-ratelimit-remaining") == "0", let wait = RetryPolicy.serverWait(response) else { return }
        pausedUntil.withLock { $0 = ContinuousClock.now + min(wait, policy.maxServerWait) }
    }

    private func waitForTurn(_ spec: HTTPRequestSpec) async throws(TrackerError) {
        guard let pacer else { return }
        do { try await pacer.waitForTurn(spec) } catch { throw .unavailable("cancelled") }
    }

    private func pause(_ d: Duration) async throws(TrackerError) {
        do { try await sleep(d) } catch { throw .unavailable("cancelled") }
    }

    /// Removes every form of every secret from text meant for people.
    public func redact(_ text: String) -> String { Secrets.redact(redactor.redact(text)) }

    /// A URL for messages: no user or password, and query values that look like credentials masked.
    public static func describe(_ url: String) -> String {
        guard var components = URLComponents(string: url) else { return url }
        components.user = nil
        components.password = nil
        components.queryItems = components.queryItems?.map { item in
            ["key", "token", "access_token", "api_key"].contains(item.name.lowercased()) ? URLQueryItem(name: item.name, value: "[redacted]") : item
        }
        return components.string ?? url
    }
}
