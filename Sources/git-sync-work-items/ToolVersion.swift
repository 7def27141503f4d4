/// What `git sync-work-items --version` prints; raised with every release.
enum ToolVersion {
    static let current = "0.1.0"
}
