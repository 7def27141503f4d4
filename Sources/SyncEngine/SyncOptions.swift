import Foundation
import Trackers

public struct SyncOptions: Sendable {
    public var mode: SyncMode = .bidirectional
    public var preview = false
    public var resolutions: [String: ConflictChoice] = [:]
    /// `--forget ID`: items deleted in a commit that the sync should stop tracking (never pulled again).
    public var forget: Set<String> = []
    public var pushNew: PushNewPolicy = .none
    public var assignee: String?
    public var labels: [String] = []
    public var state: String?
    public var all = false
    public var maxPulls = 25
    public var maxPushes = 25
    public var concurrency = TrackerHTTPClient.defaultConcurrency

    public init() {}
}
