import Foundation

/// A request budget set through `{"ratelimit_remaining": N, "ratelimit_reset_seconds": S}`. Jira Cloud publishes
/// no fixed limit, so there is none until a test sets one; once the budget is spent every request gets Jira's 429
/// with `Retry-After` (seconds) and `X-RateLimit-*` headers for `ratelimit_reset_seconds` (default 1) counted from
/// the first refusal; after that the budget is lifted.
struct JiraRateLimit: Sendable {
    static let defaultResetSeconds = 1

    private var remaining: Int?
    private var budget = 0
    private var resetSeconds = defaultResetSeconds
    /// Set by the first refused request: the budget is lifted at this time.
    private var blockedUntil: Date?

    mutating func set(remaining: Int, resetInSeconds: Int?) {
        self.remaining = max(0, remaining)
        budget = max(1, remaining)
        resetSeconds = max(1, resetInSeconds ?? Self.defaultResetSeconds)
        blockedUntil = nil
    }

    /// Spends one request at `now` (the simulated clock); nil when it may go ahead, else the 429 to answer.
    mutating func spend(now: Date) -> SimResponse? {
        guard let left = remaining else { return nil }
        guard left <= 0 else {
            remaining = left - 1
            return nil
        }
        let until = blockedUntil ?? now.addingTimeInterval(TimeInterval(resetSeconds))
        guard now < until else {
            remaining = nil
            blockedUntil = nil
            return nil
        }
        blockedUntil = until
        let wait = max(1, Int(until.timeIntervalSince(now).rounded(.up)))
        var response = JiraErrors.rateLimited.response
        response.headers += [
            ("retry-after", String(wait)),
            ("x-ratelimit-limit", String(budget)),
            ("x-ratelimit-remaining", "0"),
            ("x-ratelimit-reset", Self.resetFormat(until)),
            ("ratelimit-reason", "jira-burst-based"),
        ]
        return response
    }

    /// On answers that went ahead: `X-RateLimit-NearLimit: true` once less than a fifth of the budget is left.
    var headers: [(String, String)] {
        guard let left = remaining, left < max(1, budget / 5) else { return [] }
        return [("x-ratelimit-nearlimit", "true")]
    }

    /// `yyyy-MM-ddTHH:mmZ` in UTC, the format Jira documents for `X-RateLimit-Reset`.
    private static func resetFormat(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02dT%02d:%02dZ", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
    }
}
