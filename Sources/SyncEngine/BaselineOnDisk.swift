import Foundation

/// `last-sync.json` as the working tree has it (usually HEAD's; see `Workspace.uncommittedStateFiles`), decoded
/// once, when first loaded: a run that finds both sides as the last settled run left them never reads it.
final class BaselineOnDisk {
    /// Relative to the repository root.
    let path: String
    private let root: String
    private var decoded: Baseline?

    init(root: String, path: String) {
        self.root = root
        self.path = path
    }

    /// Reads and decodes the file the first time (an empty baseline when there is none); an unreadable file stops
    /// the run with exit 4.
    @discardableResult
    func load() throws(SyncFailure) -> Baseline {
        if let decoded { return decoded }
        var baseline = Baseline()
        if let data = FileManager.default.contents(atPath: root + "/" + path) {
            do { baseline = try Baseline.decode(data, path: path) } catch { throw SyncFailure(exitCode: 4, message: error.message) }
        }
        decoded = baseline
        return baseline
    }

    /// The decoded baseline; only after `load()`, which every reader of the baseline runs first.
    var loaded: Baseline {
        guard let decoded else { preconditionFailure("\(path) used before it was loaded") }
        return decoded
    }
}
