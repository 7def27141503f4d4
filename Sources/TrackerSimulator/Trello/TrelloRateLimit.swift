/// Trello's published limits: 100 requests in any 10 seconds per token, 300 per API key, and 100 in 900 seconds to
/// `/1/members`. A request over a limit gets a 429 naming it (`API_TOKEN_LIMIT_EXCEEDED`, `API_KEY_LIMIT_EXCEEDED`,
/// `MEMBER_LIMIT_EXCEEDED`) and does not count; answers that went ahead carry the `x-rate-limit-*` headers Trello
/// sends. The windows slide, the strictest reading of "per 10 seconds". `{"ratelimit_remaining": N}` from the admin
/// API spends the token's budget down to N more requests, refused for `ratelimit_reset_seconds` after that.
struct TrelloRateLimit: Sendable {
    struct Window: Sendable {
        let limit: Int
        let milliseconds: Int64
        /// Times of the requests still inside the window, oldest first.
        private(set) var times: [Int64] = []
        private var start = 0

        init(limit: Int, milliseconds: Int64) {
            self.limit = limit
            self.milliseconds = milliseconds
        }

        mutating func remaining(at now: Int64) -> Int {
            while start < times.count && times[start] <= now - milliseconds { start += 1 }
            if start > 4096 { times.removeFirst(start); start = 0 }
            return limit - (times.count - start)
        }

        mutating func spend(at now: Int64) { times.append(now) }
    }

    static let tokenLimit = 100, keyLimit = 300, memberLimit = 100
    static let interval: Int64 = 10_000
    static let memberInterval: Int64 = 900_000

    private var token = Window(limit: tokenLimit, milliseconds: interval)
    private var keys: [String: Window] = [:]
    private var members = Window(limit: memberLimit, milliseconds: memberInterval)
    private var forced: (remaining: Int, resetMilliseconds: Int64)?
    private var forcedUntil: Int64?
    /// Every 429 answered, by limit name (for tests and the bench).
    private(set) var refusals: [String: Int] = [:]

    mutating func force(remaining: Int, resetInSeconds: Int?) {
        forced = (max(0, remaining), Int64(max(1, resetInSeconds ?? 1)) * 1000)
        forcedUntil = nil
    }

    /// Spends one request of `key` (to `path`) at `now`; the 429 to answer instead, or the headers to add.
    mutating func spend(key: String, path: String, at now: Int64) -> Result<[(String, String)], Refusal> {
        if let refusal = forcedRefusal(at: now) { return .failure(refusal) }
        var keyWindow = keys[key] ?? Window(limit: Self.keyLimit, milliseconds: Self.interval)
        let tokenLeft = token.remaining(at: now), keyLeft = keyWindow.remaining(at: now)
        let isMembers = path.hasPrefix("/1/members")
        if tokenLeft <= 0 { return .failure(refuse("API_TOKEN_LIMIT_EXCEEDED")) }
        if keyLeft <= 0 { return .failure(refuse("API_KEY_LIMIT_EXCEEDED")) }
        if isMembers && members.remaining(at: now) <= 0 { return .failure(refuse("MEMBER_LIMIT_EXCEEDED")) }
        token.spend(at: now)
        keyWindow.spend(at: now)
        keys[key] = keyWindow
        if isMembers { members.spend(at: now) }
        return .success([
            ("x-rate-limit-api-token-interval-ms", String(Self.interval)), ("x-rate-limit-api-token-max", String(Self.tokenLimit)),
            ("x-rate-limit-api-token-remaining", String(tokenLeft - 1)),
            ("x-rate-limit-api-key-interval-ms", String(Self.interval)), ("x-rate-limit-api-key-max", String(Self.keyLimit)),
            ("x-rate-limit-api-key-remaining", String(keyLeft - 1)),
        ])
    }

    struct Refusal: Error, Sendable { var limit: String }

    private mutating func refuse(_ limit: String) -> Refusal {
        refusals[limit, default: 0] += 1
        return Refusal(limit: limit)
    }

    private mutating func forcedRefusal(at now: Int64) -> Refusal? {
        guard let budget = forced else { return nil }
        if budget.remaining > 0 {
            forced = (budget.remaining - 1, budget.resetMilliseconds)
            return nil
        }
        let until = forcedUntil ?? now + budget.resetMilliseconds
        guard now < until else {
            forced = nil
            forcedUntil = nil
            return nil
        }
        forcedUntil = until
        return refuse("API_TOKEN_LIMIT_EXCEEDED")
    }
}
