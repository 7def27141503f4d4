import Trackers

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
