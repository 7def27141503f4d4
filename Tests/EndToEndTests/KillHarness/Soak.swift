import Foundation

/// `make soak`: the kill harness's full set (every step, every fault) runs only when `GIT_SYNC_WORK_ITEMS_SOAK=1`;
/// `SOAK_TRACKERS=github,jira` narrows it to some trackers.
enum Soak {
    static var enabled: Bool { ProcessInfo.processInfo.environment["GIT_SYNC_WORK_ITEMS_SOAK"] == "1" }

    static func includes(_ tracker: TrackerUnderTest) -> Bool {
        guard let names = ProcessInfo.processInfo.environment["SOAK_TRACKERS"], !names.isEmpty else { return true }
        return names.split(separator: ",").contains { $0.trimmingCharacters(in: .whitespaces) == tracker.name }
    }
}
