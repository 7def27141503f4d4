import Foundation
import GitStore
import Trackers
import WorkItems

/// `git sync-work-items check`: configuration, credentials (present, never shown), every work item, and with
/// `online` the tracker's reachability and permissions. One line per problem, each saying how to fix it.
public struct CheckReport: Sendable {
    public struct Problem: Sendable, CustomStringConvertible {
        public var subject: String
        public var message: String
        public var description: String { "\(subject): \(message)" }
    }

    public var integration: String?
    public var problems: [Problem]
    public var itemCount: Int
    public var notes: [String]

    public static func run(environment: SyncEnvironment, online: Bool) async -> (CheckReport, exitCode: Int32) {
        var report = CheckReport(integration: nil, problems: [], itemCount: 0, notes: [])
        let workspace: Workspace
        do { workspace = try Workspace.open(environment: environment) } catch {
            report.problems.append(Problem(subject: "configuration", message: error.message))
            return (report, error.exitCode)
        }
        report.integration = workspace.integration

        // Work items: readable, unique ids, file names that match their ids.
        do {
            let loaded = try await LocalItemLoader(repository: workspace.repository, workPath: workspace.config.workPath,
                idPattern: workspace.idPattern).load(overrides: [:])
            report.itemCount = loaded.items.count
            for p in loaded.problems { report.problems.append(Problem(subject: p.path + (p.line.map { ":\($0)" } ?? ""), message: p.message)) }
            for item in loaded.items {
                let name = String(LocalItemLoader.fileName(item.path))
                if let named = workspace.idPattern.id(inFileName: name), named != item.id {
                    report.problems.append(Problem(subject: item.path,
                        message: "the file name says \(named) but the id is \(item.id): rename it to \(item.id)-\(Slug.make(item.content.title)).md"))
                } else if workspace.idPattern.id(inFileName: name) == nil {
                    report.problems.append(Problem(subject: item.path,
                        message: "the file name does not start with its id (\(workspace.config.idPattern)): rename it to \(item.id)-\(Slug.make(item.content.title)).md"))
                }
            }
        } catch {
            report.problems.append(Problem(subject: workspace.config.workPath, message: "cannot be read: \(error)"))
        }

        // Tracker settings (misspelt keys), credentials, then (online) the tracker itself.
        let tracker = workspace.descriptor
        for key in workspace.config.values.keys.sorted() where key.hasPrefix(tracker.configPrefix + ".") && !tracker.reads(key) {
            let known = tracker.configKeys.map { tracker.configPrefix + "." + $0.name }.joined(separator: ", ")
            report.problems.append(Problem(subject: key, message: "\(tracker.displayName) has no such setting (it reads \(known))"))
        }
        let client: (any Tracker)?
        do {
            client = try workspace.makeTracker(concurrency: 2)
            report.notes.append("credentials for \(workspace.integration): found")
        } catch {
            client = nil
            report.problems.append(Problem(subject: workspace.integration, message: error.message))
        }
        if online, let client {
            do {
                report.notes += try await client.verify(scope: DiscoveryFilter(projectCode: workspace.config.defaultProjectCode))
            } catch {
                report.problems.append(Problem(subject: tracker.displayName, message: "\(error)"))
            }
        }
        return (report, report.problems.isEmpty ? 0 : 4)
    }
}
