/// What one interrupted run and the runs after it left behind: duplicates (an item twice on either side, a key in
/// two files), lost edits (a change that did not end up where the plan or the resolution says) and every other
/// broken promise (exit codes, `git status`, the index, the decision log, a third run with work left), each named.
struct Convergence: Sendable, CustomStringConvertible {
    let point: String
    private(set) var duplicates = 0
    private(set) var lostEdits = 0
    private(set) var problems: [String] = []

    init(point: String) { self.point = point }

    var converged: Bool { problems.isEmpty }

    mutating func expect(_ condition: Bool, _ problem: @autoclosure () -> String) {
        if !condition { problems.append(problem()) }
    }

    /// `what` is there `count` times where it should be there once (0: it is missing, a lost edit).
    mutating func expectOnce(_ count: Int, _ what: @autoclosure () -> String) {
        if count == 0 {
            lostEdits += 1
            problems.append("lost: \(what())")
        } else if count > 1 {
            duplicates += count - 1
            problems.append("\(count) times: \(what())")
        }
    }

    /// An edit that must have reached `place`.
    mutating func expectEdit(_ arrived: Bool, _ what: @autoclosure () -> String) {
        if !arrived {
            lostEdits += 1
            problems.append("lost edit: \(what())")
        }
    }

    var description: String {
        problems.isEmpty ? "\(point): converged" : "\(point):\n  " + problems.joined(separator: "\n  ")
    }
}

/// The counts over many points, for the soak's summary line.
struct ConvergenceTally: CustomStringConvertible {
    var killPoints = 0
    var faultCases = 0
    var duplicates = 0
    var lostEdits = 0
    var failedPoints = 0

    mutating func add(_ convergence: Convergence, isFault: Bool) {
        if isFault { faultCases += 1 } else { killPoints += 1 }
        duplicates += convergence.duplicates
        lostEdits += convergence.lostEdits
        if !convergence.converged { failedPoints += 1 }
    }

    var description: String {
        "\(killPoints) kill points, \(faultCases) fault cases, \(duplicates) duplicates, \(lostEdits) lost edits, "
            + "\(failedPoints) points that did not converge"
    }
}
