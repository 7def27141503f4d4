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
        let baseline = try Self.read(root + "/" + path, path: path)
        decoded = baseline
        return baseline
    }

    /// `load()`, decoding on another thread while `meanwhile` runs on this one. The file's error comes first, as
    /// when it is loaded before `meanwhile` runs.
    func load<Value>(while meanwhile: () async throws(SyncFailure) -> Value) async throws(SyncFailure) -> (Baseline, Value) {
        if let decoded { return (decoded, try await meanwhile()) }
        let decoding = Self.decoding(root + "/" + path, path: path)
        let value: Result<Value, SyncFailure>
        do { value = .success(try await meanwhile()) } catch { value = .failure(error) }
        let baseline = try await decoding.value.get()
        decoded = baseline
        return (baseline, try value.get())
    }

    /// The file read and decoded in a task of its own. Static: the region-based isolation checker does not follow
    /// a task made in an instance method of this non-Sendable class.
    private static func decoding(_ file: String, path: String) -> Task<Result<Baseline, SyncFailure>, Never> {
        Task.detached { Result { () throws(SyncFailure) in try read(file, path: path) } }
    }

    /// The file decoded; an empty baseline when there is none.
    private static func read(_ file: String, path: String) throws(SyncFailure) -> Baseline {
        guard let data = FileManager.default.contents(atPath: file) else { return Baseline() }
        do { return try Baseline.decode(data, path: path) } catch { throw SyncFailure(exitCode: 4, message: error.message) }
    }

    /// The decoded baseline; only after `load()`, which every reader of the baseline runs first.
    var loaded: Baseline {
        guard let decoded else { preconditionFailure("\(path) used before it was loaded") }
        return decoded
    }
}
