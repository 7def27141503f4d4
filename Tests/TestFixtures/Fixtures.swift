import Foundation

/// The data tests read, vendored in `Tests/Fixtures` with its source and licence (see the README there), so a
/// clone of the repository runs its tests on its own.
public enum Fixtures {
    /// `Tests/Fixtures`, found from this file's own path.
    public static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// The 218 real work items of the accelerator project (MIT): the format this tool must keep.
    public static let corpus = folder.appendingPathComponent("accelerator-meta-work")

    /// One file of real api.github.com traffic recorded by Octokit (MIT), e.g. `paginate-issues`.
    public static func octokitRecording(_ name: String) -> URL {
        folder.appendingPathComponent("octokit-recorded/\(name).json")
    }
}
