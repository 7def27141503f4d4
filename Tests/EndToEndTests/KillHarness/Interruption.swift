/// How the first run of a kill-harness point is cut short.
enum Interruption: Sendable, CustomStringConvertible {
    /// Not at all: the survey run that lists the steps and writes.
    case none
    /// SIGKILL right after the named durable step (the debug build's `GIT_SYNC_WORK_ITEMS_TEST_STOP_AT`).
    case killAt(step: String)
    /// SIGKILL from outside once the tracker has served this many requests (requests in flight, mid-read).
    case killAfterRequests(Int)
    /// The simulator answers with a fault instead.
    case fault(FaultCase)

    var isFault: Bool {
        if case .fault = self { return true }
        return false
    }

    var description: String {
        switch self {
        case .none: return "no interruption"
        case .killAt(let step): return "killed at \(step)"
        case .killAfterRequests(let count): return "killed after \(count) requests"
        case .fault(let fault): return "fault: \(fault)"
        }
    }
}

/// One fault injected into the scenario's run: what it hits, what it is, how often, and the exit codes that run may
/// end with.
struct FaultCase: Sendable, CustomStringConvertible {
    enum Target: Sendable, CustomStringConvertible {
        /// The listing or search reads (`failReads`).
        case reads
        /// One of the writes the survey run sent, "METHOD path"; `creates` when it makes a new item.
        case write(String, creates: Bool)

        var description: String {
            switch self {
            case .reads: return "reads"
            case .write(let line, let creates): return "\(creates ? "create" : "write") \(line)"
            }
        }
    }

    /// Faults outlasting the client's retries are given this many uses and cleared after the run.
    static let persistent = 1000

    var target: Target
    var fault: InjectedFault
    var count: Int
    var expectedExits: Set<Int32>

    var description: String {
        "\(fault)\(count == Self.persistent ? " until the run gives up" : count == 1 ? " once" : " \(count) times") on \(target)"
    }

    /// 503 and 429 (with `Retry-After: 0`) once, which the client's retries absorb, and until the run gives up.
    static func statusFaults(on target: Target) -> [FaultCase] {
        [InjectedFault.answer(status: 503, headers: [:]), .answer(status: 429, headers: ["retry-after": "0"])].flatMap { fault in
            [FaultCase(target: target, fault: fault, count: 1, expectedExits: [0]),
             FaultCase(target: target, fault: fault, count: persistent, expectedExits: [70])]
        }
    }

    /// The connection closed before and after the write took effect. A create's answer lost is an outcome the
    /// client cannot know (71); an update the client may send again (0) or not (71).
    static func drops(on line: String, creates: Bool) -> [FaultCase] {
        [false, true].map { after in
            FaultCase(target: .write(line, creates: creates), fault: .drop(afterEffect: after), count: 1,
                      expectedExits: creates ? [71] : [0, 71])
        }
    }

    /// Every status fault on the reads, and every fault on each write in turn.
    static func all(writes: [(line: String, creates: Bool)]) -> [FaultCase] {
        statusFaults(on: .reads) + writes.flatMap { write in
            statusFaults(on: .write(write.line, creates: write.creates)) + drops(on: write.line, creates: write.creates)
        }
    }
}
