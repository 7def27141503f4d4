/// The folders a status looks at: the pathspec handed to libgit2, and the prefixes its answers are kept to.
struct StatusScope {
    /// Each folder as a prefix ending in `/` ("" for the whole tree).
    let prefixes: [String]

    init(folders: [String]) { prefixes = folders.map(RepositoryPath.folderPrefix) }

    var isEmpty: Bool { prefixes.isEmpty }
    var wholeTree: Bool { prefixes.contains("") }
    /// The folders without their trailing `/`; none for the whole tree.
    var pathspec: [String] { wholeTree ? [] : prefixes.map { String($0.dropLast()) } }

    /// The pathspec already limits the walk; this keeps a folder from matching a sibling that merely shares its
    /// prefix (`meta/work` must not report `meta/workshop/x`).
    func contains(_ path: String) -> Bool {
        wholeTree || prefixes.contains { path.hasPrefix($0) }
    }
}
