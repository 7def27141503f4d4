import CLibGit2
import CZlib
import Synchronization

/// What the lanes of one `LooseBlobWriter.store` made: the blob's id, and each part deflated with its Adler-32. A
/// slot left nil is a lane that failed.
final class LooseBlobParts: Sendable {
    typealias Part = (bytes: [UInt8], adler: uLong)
    private let made: Mutex<(id: git_oid?, parts: [Part?])>

    init(_ count: Int) { made = Mutex((nil, Array(repeating: nil, count: count))) }

    func setID(_ id: git_oid?) { made.withLock { $0.id = id } }

    func set(_ lane: Int, _ part: Part?) { made.withLock { $0.parts[lane] = part } }

    func taken() -> (id: git_oid?, deflated: [Part?]) { made.withLock { ($0.id, $0.parts) } }
}
