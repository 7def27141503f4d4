import Foundation
import GitStore
import Trackers
import WorkItems

/// The repository, its configuration and the tracker it is configured for.
struct Workspace {
    let repository: GitRepository
    let config: Configuration
    /// The registry's entry for the configured integration.
    let descriptor: TrackerDescriptor
    var integration: String { descriptor.integration }
    let idPattern: IdPattern
    let environment: SyncEnvironment
    /// `last-sync.json`, decoded by `open` unless it was asked to defer it.
    let baselineFile: BaselineOnDisk
    /// `last-sync.json` as the working tree has it (usually HEAD's; see `uncommittedStateFiles`).
    var baselineOnDisk: Baseline { baselineFile.loaded }
    let headNote: String?

    var baselinePath: String { baselineFile.path }
    var decisionLogPath: String { stateFolder + "/sync.log" }

    /// `ItemBlobCache`'s file, beside the trackers' caches.
    var itemCachePath: String { repository.gitDir + "/sync-work-items/cache/" + ItemBlobCache.fileName }

    /// The folder of this tracker's state files (`last-sync.json`, `sync.log`).
    var stateFolder: String { config.integrationsPath + "/" + integration }

    /// The state files whose working copy differs from HEAD's: a run killed after writing them and before its
    /// commit. Only the sync writes these files, so the next commit must carry them. Those in `known` are not
    /// looked at (hashing a baseline of 10,000 items takes 10 ms).
    func uncommittedStateFiles(besides known: Set<String>) -> [String] {
        [baselinePath, decisionLogPath].filter { path in
            guard !known.contains(path) else { return false }
            guard let disk = repository.hashWorkingFile(path) else { return false }
            return disk != (try? repository.blobID(at: path))
        }
    }

    /// HEAD's version of `sync.log` (nil: none).
    func committedDecisionLog() -> String? {
        (try? repository.headFile(at: decisionLogPath))?.map { String(decoding: $0, as: UTF8.self) }
    }

    /// `deferringBaseline`: `last-sync.json` is left for the caller to load (`baselineFile.load()`) when it needs it.
    static func open(environment: SyncEnvironment, deferringBaseline: Bool = false) throws(SyncFailure) -> Workspace {
        let repository: GitRepository
        do { repository = try GitRepository.open(at: environment.workingDirectory) } catch { throw .from(error) }
        // Configuration first: in a brand-new repository the missing integration is the problem to report.
        let config: Configuration
        let integration: String
        do {
            config = try Configuration.load(repositoryRoot: repository.workdir)
            integration = try config.integration(among: environment.trackers.map(\.integration))
            try config.validatePaths()
        } catch { throw SyncFailure(exitCode: 73, message: error.message) }
        guard let descriptor = environment.trackers.first(where: { $0.integration == integration }) else {
            throw SyncFailure(exitCode: 73, message: "work.integration is '\(integration)', which this build cannot sync")
        }
        let head: HeadState
        do { head = try repository.head() } catch { throw .from(error) }
        let pattern: IdPattern
        do { pattern = try IdPattern(config.idPattern) } catch {
            throw SyncFailure(exitCode: 73, message: "work.id_pattern '\(config.idPattern)': \(error)")
        }
        let baseline = BaselineOnDisk(root: repository.workdir,
            path: config.integrationsPath + "/" + descriptor.integration + "/last-sync.json")
        if !deferringBaseline { try baseline.load() }
        var note: String?
        if case .detached(let commit) = head {
            note = "HEAD is detached at \(commit.prefix(7)): the sync commit will be made on the detached HEAD; create a branch (git switch -c NAME) to keep it"
        }
        return Workspace(repository: repository, config: config, descriptor: descriptor, idPattern: pattern,
            environment: environment, baselineFile: baseline, headNote: note)
    }

    func makeTracker(concurrency: Int) throws(SyncFailure) -> any Tracker {
        let tracker = descriptor
        var settings = TrackerSettings(
            integration: integration, values: settingValues(for: tracker), token: nil,
            originURL: repository.remoteURL("origin"),
            cacheDirectory: URL(fileURLWithPath: repository.gitDir + "/sync-work-items/cache"),
            writeConcurrency: concurrency)
        do {
            settings.token = try CredentialChain(environment: environment.variables)
                .token(for: tracker, configuration: config, host: tracker.credentialHost(settings))
        } catch { throw SyncFailure(exitCode: 74, message: error.message) }
        do { return try tracker.make(settings) } catch let error as TrackerError { throw .from(error) } catch {
            throw SyncFailure(exitCode: 74, message: "\(integration): \(error)")
        }
    }

    /// The configuration, with settings the tracker takes from the environment filled in where the files leave
    /// them out, and passwords written into configured URLs registered as secrets.
    func settingValues(for tracker: TrackerDescriptor) -> [String: String] {
        var values = config.values
        for (key, variables) in tracker.settingEnvironment where config.value(key) == nil {
            if let value = variables.lazy.compactMap({ self.environment.variables[$0] }).first(where: { !$0.isEmpty }) {
                values[key] = value
            }
        }
        for (key, value) in values where key.hasSuffix("_url") {
            if let password = URLComponents(string: value)?.password { Secrets.register(password) }
        }
        return values
    }
}
