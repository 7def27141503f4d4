import Synchronization

/// What the lanes of one parallel batch made, put back in order, or the first failure a lane met.
final class PackEntryBatch: Sendable {
    private let made = Mutex<(entries: [(position: Int, entry: PackEntry)], failure: GitError?)>(([], nil))

    func add(_ entries: [(Int, PackEntry)]) {
        made.withLock { $0.entries += entries.map { (position: $0.0, entry: $0.1) } }
    }

    func fail(_ error: GitError) {
        made.withLock { if $0.failure == nil { $0.failure = error } }
    }

    func inOrder(count: Int) throws(GitError) -> [PackEntry] {
        let (entries, failure) = made.withLock { ($0.entries, $0.failure) }
        if let failure { throw failure }
        precondition(entries.count == count, "a lane of the batch made no entries and reported no failure")
        return entries.sorted { $0.position < $1.position }.map(\.entry)
    }
}
