import Foundation
import GitStore
import Trackers
import WorkItems

/// The repository, its configuration and the tracker it is configured for.
struct Workspace {
    let repository: GitRepository
    let config: Configuration
    let integration: String
    let idPattern: IdPattern
    let environment: SyncEnvironment
    /// `last-sync.json` as the working tree has it (usually HEAD's; see `uncommittedStateFiles`).
    let baselineOnDisk: Baseline
    let headNote: String?

    var baselinePath: String { stateFolder + "/last-sync.json" }
    var decisionLogPath: String { stateFolder + "/sync.log" }

    /// The folder of this tracker's state files (`last-sync.json`, `sync.log`).
    var stateFolder: String { config.integrationsPath + "/" + integration }

    /// The state files whose working copy differs from HEAD's: a run killed after writing them and before its
    /// commit. Only the sync writes these files, so the next commit must carry them.
    func uncommittedStateFiles() -> [String] {
        [baselinePath, decisionLogPath].filter { path in
            guard let disk = repository.hashWorkingFile(path) else { return false }
            return disk != (try? repository.blobID(at: path))
        }
    }

    /// HEAD's version of `sync.log` (nil: none).
    func committedDecisionLog() -> String? {
        (try? repository.headFiles(under: stateFolder))?.first { $0.path == decisionLogPath }
            .map { String(decoding: $0.contents, as: UTF8.self) }
    }

    static func open(environment: SyncEnvironment) throws(SyncFailure) -> Workspace {
        let repository: GitRepository
        do { repository = try GitRepository.open(at: environment.workingDirectory) } catch { throw .from(error) }
        // Configuration first: in a brand-new repository the missing integration is the problem to report.
        let config: Configuration
        let integration: String
        do {
            config = try Configuration.load(repositoryRoot: repository.workdir)
            integration = try config.integration()
            try config.validatePaths()
        } catch { throw SyncFailure(exitCode: 73, message: error.message) }
        let head: HeadState
        do { head = try repository.head() } catch { throw .from(error) }
        let pattern: IdPattern
        do { pattern = try IdPattern(config.idPattern) } catch {
            throw SyncFailure(exitCode: 73, message: "work.id_pattern '\(config.idPattern)': \(error)")
        }
        let baselinePath = config.integrationsPath + "/" + integration + "/last-sync.json"
        let baseline: Baseline
        if let data = FileManager.default.contents(atPath: repository.workdir + "/" + baselinePath) {
            do { baseline = try Baseline.decode(data, path: baselinePath) } catch {
                throw SyncFailure(exitCode: 4, message: error.message)
            }
        } else {
            baseline = Baseline()
        }
        var note: String?
        if case .detached(let commit) = head {
            note = "HEAD is detached at \(commit.prefix(7)): the sync commit will be made on the detached HEAD; create a branch (git switch -c NAME) to keep it"
        }
        return Workspace(repository: repository, config: config, integration: integration, idPattern: pattern,
            environment: environment, baselineOnDisk: baseline, headNote: note)
    }

    func makeTracker(concurrency: Int) throws(SyncFailure) -> any Tracker {
        guard let factory = environment.trackers[integration] else {
            let known = environment.trackers.keys.sorted().joined(separator: ", ")
            throw SyncFailure(exitCode: 73, message: "work.integration is '\(integration)', which this build cannot sync yet (it can: \(known))")
        }
        let prefix = CredentialChain.configPrefix(for: integration)
        let token: String?
        do {
            token = try CredentialChain(environment: environment.variables)
                .token(integration: integration, configuration: config, host: credentialHost(prefix: prefix))
        } catch { throw SyncFailure(exitCode: 74, message: error.message) }
        let settings = TrackerSettings(
            integration: integration, values: config.values, token: token,
            originURL: repository.remoteURL("origin"),
            cacheDirectory: URL(fileURLWithPath: repository.gitDir + "/sync-work-items/cache"),
            writeConcurrency: concurrency)
        do { return try factory(settings) } catch let error as TrackerError { throw .from(error) } catch {
            throw SyncFailure(exitCode: 74, message: "\(integration): \(error)")
        }
    }

    private func credentialHost(prefix: String) -> String? {
        if let api = config.value(prefix + ".api_url"), let host = URL(string: api)?.host { return host }
        switch prefix {
        case "github": return "github.com"
        case "jira":
            guard let site = config.value("jira.site") else { return nil }
            return URL(string: site)?.host ?? "\(site).atlassian.net"
        case "linear": return "api.linear.app"
        case "trello": return "api.trello.com"
        default: return nil
        }
    }
}
