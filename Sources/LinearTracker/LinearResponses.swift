import Foundation
import JSON
import Trackers

/// Linear's "not now" answers for the shared HTTP client: a 429, or a `RATELIMITED` error in the body of a 200 or
/// 400 (Linear's usual way), waited out until the reset its headers give (`X-RateLimit-Requests-Reset`,
/// `X-RateLimit-Complexity-Reset`, epoch milliseconds) or `Retry-After`. Rate-limited requests were not carried out,
/// so any request may be sent again.
enum LinearResponses {
    static let classify: ResponseClassifier = { response in
        if let verdict = RetryPolicy.standardVerdict(response), response.status != 429 { return verdict }
        guard response.status == 429 || (response.status == 400 || response.status == 200) && mentionsRateLimit(response.body) else {
            return nil
        }
        if response.status != 429 {
            let entries = LinearErrorReading.entries(try? JSONValue(parsing: response.body))
            guard entries.contains(where: \.isRateLimit) else { return nil }
        }
        return RetryVerdict(wait: wait(response), mayHaveTakenEffect: false)
    }

    /// A cheap look before parsing: only bodies that mention the limit are read as JSON here.
    private static func mentionsRateLimit(_ body: [UInt8]) -> Bool {
        let needles = [Array("RATELIMITED".utf8), Array("ratelimited".utf8), Array("usage limit exceeded".utf8)]
        guard body.count < 64 * 1024 else { return false }
        return needles.contains { needle in
            body.indices.contains { start in body[start...].starts(with: needle) }
        }
    }

    /// How long Linear asks for: `Retry-After`, else until the reset of whichever budget is spent.
    static func wait(_ response: HTTPResponseData, now: Date = Date()) -> Duration? {
        if let seconds = response.header("retry-after").flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) {
            return .seconds(max(0, seconds))
        }
        let budget = LinearBudget(response)
        guard let reset = budget.spentReset else { return nil }
        let milliseconds = max(0, reset - Int64(now.timeIntervalSince1970 * 1000))
        return .milliseconds(milliseconds)
    }
}

/// What Linear's rate-limit headers say about the budgets left.
struct LinearBudget: Sendable, Equatable {
    var requestsRemaining: Int?
    var requestsReset: Int64?
    var complexityRemaining: Int?
    var complexityReset: Int64?
    /// The complexity the answered query cost (`X-Complexity`).
    var cost: Int?

    init(_ response: HTTPResponseData) {
        requestsRemaining = response.header("x-ratelimit-requests-remaining").flatMap { Int($0) }
        requestsReset = response.header("x-ratelimit-requests-reset").flatMap { Int64($0) }
        complexityRemaining = response.header("x-ratelimit-complexity-remaining").flatMap { Int($0) }
        complexityReset = response.header("x-ratelimit-complexity-reset").flatMap { Int64($0) }
        cost = response.header("x-complexity").flatMap { Int($0) }
    }

    /// The reset (epoch milliseconds) of a budget that is spent: no requests left, or less complexity left than
    /// the last query cost.
    var spentReset: Int64? {
        if let left = requestsRemaining, left <= 0, let reset = requestsReset { return reset }
        if let left = complexityRemaining, left <= max(cost ?? 0, 0), let reset = complexityReset { return reset }
        return nil
    }
}
