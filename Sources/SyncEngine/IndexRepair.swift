import GitStore

/// Finds the sync-path index entries that a killed run left differing from HEAD, and only those: an entry is the
/// sync's when the journal accounts for it, anything else is the user's own staged change and is never touched.
/// - The journalled commit is HEAD and the entry still holds the blob from before it: HEAD moved, the index did not.
/// - The journalled commit is not HEAD and the entry holds its blob: the index was written, HEAD never moved. The
///   entry goes back to HEAD's; this run commits the path again from the working tree.
/// - A journal of an older version (which moved HEAD before writing the index) has no commit entry: HEAD is then a
///   sync commit, the entry holds HEAD's parent's blob and the working file holds HEAD's.
struct IndexRepair {
    let repository: GitRepository

    func stalePaths(in differences: [IndexDifference], recovery: JournalRecovery) throws(GitError) -> [String] {
        guard !recovery.isEmpty, !differences.isEmpty else { return [] }
        let head = try repository.headSummary()
        if let commit = recovery.commit {
            let changes = Dictionary((commit.changes ?? []).map { ($0.path, $0) }, uniquingKeysWith: { _, last in last })
            let moved = commit.commit == head.id
            return differences.filter { difference in
                guard let change = changes[difference.path] else { return false }
                let staged = difference.staged?.id
                return moved ? staged == change.before : staged == change.after
            }.map(\.path)
        }
        guard head.subject.hasPrefix(CommitMessage.subjectPrefix), let parent = head.parent else { return [] }
        var stale: [String] = []
        for difference in differences {
            guard let headBlob = difference.head?.id, repository.hashWorkingFile(difference.path) == headBlob,
                difference.staged?.id == (try repository.blobID(at: difference.path, in: parent))
            else { continue }
            stale.append(difference.path)
        }
        return stale
    }
}
