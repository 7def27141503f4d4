/// Linear's two rate limits for an API key, as leaky buckets that refill continuously: 5,000 requests and 3,000,000
/// complexity points an hour. Every answer carries `X-RateLimit-Requests-{Limit,Remaining,Reset}`,
/// `X-RateLimit-Complexity-{Limit,Remaining,Reset}` (resets in UTC epoch milliseconds) and `X-Complexity`.
///
/// `{"ratelimit_remaining": N, "ratelimit_reset_seconds": S}` gives a test a small budget instead: a window of S
/// seconds (default 1) that starts with the next request, in which N requests go ahead and the rest get Linear's
/// `RATELIMITED` answer; the reset headers name the window's end from its first request on, so a client can pace
/// itself. When the window ends, the budget is lifted.
struct LinearRateLimit: Sendable {
    static let requestsPerHour = 5_000.0
    static let complexityPerHour = 3_000_000.0
    static let defaultResetSeconds = 1

    private var requests = LinearRateLimit.requestsPerHour
    private var complexity = LinearRateLimit.complexityPerHour
    private var refilledAt: Int64?
    /// A test's budget: requests left, the window's length, and its end once the first request started it.
    private var budget: (remaining: Int, resetSeconds: Int, windowEnds: Int64?)?

    mutating func setBudget(remaining: Int, resetInSeconds: Int?) {
        budget = (max(0, remaining), max(1, resetInSeconds ?? Self.defaultResetSeconds), nil)
    }

    /// Charges one request of `cost`; the headers to send, and whether the request may go ahead.
    mutating func admit(cost: Int, now: Int64) -> (allowed: Bool, headers: [(String, String)]) {
        refill(now)
        if var test = budget {
            let ends = test.windowEnds ?? now + Int64(test.resetSeconds) * 1000
            guard now < ends else {
                budget = nil
                return admit(cost: cost, now: now)
            }
            test.windowEnds = ends
            let allowed = test.remaining > 0
            if allowed { test.remaining -= 1 }
            budget = test
            return (allowed, headers(now: now, cost: cost, remainingRequests: test.remaining, reset: ends))
        }
        guard requests >= 1, complexity >= Double(cost) else {
            return (false, headers(now: now, cost: cost, remainingRequests: Int(requests), reset: fullAt(now)))
        }
        requests -= 1
        complexity -= Double(cost)
        return (true, headers(now: now, cost: cost, remainingRequests: Int(requests), reset: fullAt(now)))
    }

    private mutating func refill(_ now: Int64) {
        defer { refilledAt = now }
        guard let last = refilledAt, now > last else { return }
        let hours = Double(now - last) / 3_600_000
        requests = min(Self.requestsPerHour, requests + hours * Self.requestsPerHour)
        complexity = min(Self.complexityPerHour, complexity + hours * Self.complexityPerHour)
    }

    /// When the request bucket is full again.
    private func fullAt(_ now: Int64) -> Int64 {
        now + Int64(((Self.requestsPerHour - requests) / Self.requestsPerHour * 3_600_000).rounded(.up))
    }

    private func headers(now: Int64, cost: Int, remainingRequests: Int, reset: Int64) -> [(String, String)] {
        let complexityReset = now + Int64(((Self.complexityPerHour - complexity) / Self.complexityPerHour * 3_600_000).rounded(.up))
        return [
            ("x-ratelimit-requests-limit", String(Int(Self.requestsPerHour))),
            ("x-ratelimit-requests-remaining", String(max(0, remainingRequests))),
            ("x-ratelimit-requests-reset", String(reset)),
            ("x-complexity", String(cost)),
            ("x-ratelimit-complexity-limit", String(Int(Self.complexityPerHour))),
            ("x-ratelimit-complexity-remaining", String(max(0, Int(complexity)))),
            ("x-ratelimit-complexity-reset", String(complexityReset)),
        ]
    }
}
