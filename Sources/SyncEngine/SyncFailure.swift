import GitStore
import Trackers

/// A failure that ends the whole run; `exitCode` follows DESIGN.md's table.
public struct SyncFailure: Error, Sendable, CustomStringConvertible {
    public var exitCode: Int32
    public var message: String
    public var description: String { message }

    public init(exitCode: Int32, message: String) {
        self.exitCode = exitCode
        self.message = message
    }

    static func from(_ error: TrackerError) -> SyncFailure {
        switch error {
        case .unauthorized, .configuration, .notFound: return SyncFailure(exitCode: 74, message: error.description)
        case .outcomeUnknown: return SyncFailure(exitCode: 71, message: error.description)
        default: return SyncFailure(exitCode: 70, message: error.description)
        }
    }

    static func from(_ error: GitError) -> SyncFailure {
        switch error.code {
        case .notARepository, .bareRepository: return SyncFailure(exitCode: 2, message: error.message)
        case .unbornBranch, .operationInProgress, .lockHeld, .identityMissing: return SyncFailure(exitCode: 4, message: error.message)
        case .libgit2: return SyncFailure(exitCode: 1, message: error.message)
        }
    }
}
