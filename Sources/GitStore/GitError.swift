import CLibGit2

/// A failure of the git layer, with a one-line message that says what to do about it.
public struct GitError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: Sendable, Equatable {
        case notARepository, bareRepository, unbornBranch, operationInProgress, lockHeld, identityMissing, libgit2
    }

    public var code: Code
    public var message: String
    public var description: String { message }

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    static let notARepository = GitError(
        .notARepository,
        "not a git repository (or any parent): run this inside the repository that holds your work items")
    static let bareRepository = GitError(
        .bareRepository,
        "this is a bare repository (no working tree): run this in a clone that has your work items checked out")
    static let unbornBranch = GitError(.unbornBranch, "HEAD has no commits yet: commit your work items first")

    /// The error libgit2 just reported for a failed call, as one line prefixed with what we were doing.
    static func libgit2(_ result: Int32, _ doing: String) -> GitError {
        var detail = "error \(result)"
        if let last = git_error_last(), let text = last.pointee.message {
            detail = String(cString: text)
        }
        let oneLine = detail.split(whereSeparator: \.isNewline).joined(separator: " ")
        let code: Code = result == GIT_ELOCKED.rawValue ? .lockHeld : .libgit2
        let hint = code == .lockHeld ? ": another git process holds a lock; wait for it and retry" : ""
        return GitError(code, "\(doing): \(oneLine)\(hint)")
    }
}

/// Throws the libgit2 error for a negative result code.
@inline(__always)
func check(_ result: Int32, _ doing: @autoclosure () -> String) throws(GitError) {
    if result < 0 { throw GitError.libgit2(result, doing()) }
}
