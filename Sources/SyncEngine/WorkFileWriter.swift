import Foundation

public struct FileWriteError: Error, Sendable, CustomStringConvertible {
    public var description: String
}

/// Writes files atomically (temp file in the same folder, then rename) and only inside the allowed folders
/// (safety invariant 5): the work folder and the integrations folder, never through a link that leaves the
/// repository, checked before a folder is created.
final class WorkFileWriter {
    let root: String
    let allowedFolders: [String]
    private let safety: FolderSafety
    private let steps: StepRecorder
    /// Folders already checked and created, so 10,000 writes into one folder check it once.
    private var verifiedFolders = Set<String>()

    init(root: String, allowedFolders: [String], gitDirs: [String] = [], steps: StepRecorder = .none) {
        self.root = root
        self.allowedFolders = allowedFolders
        safety = FolderSafety(root: root, gitDirs: gitDirs.isEmpty ? [root + "/.git"] : gitDirs)
        self.steps = steps
    }

    /// Throws a `FileWriteError`, or the `SyncFailure` of an observer that stops the run after a step.
    func write(_ bytes: [UInt8], to relativePath: String, mustNotExist: Bool = false) throws {
        guard isAllowed(relativePath) else {
            throw FileWriteError(description: "refusing to write outside \(allowedFolders.joined(separator: " and "))")
        }
        let path = root + "/" + relativePath
        let (relativeFolder, name) = Self.split(relativePath)
        let folder = root + "/" + relativeFolder
        if !verifiedFolders.contains(folder) {
            if let problem = safety.problem(with: relativeFolder) { throw FileWriteError(description: "refused: \(problem)") }
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            // Created meanwhile by someone else as a link? Check again now that it exists.
            if let problem = safety.problem(with: relativeFolder) { throw FileWriteError(description: "refused: \(problem)") }
            verifiedFolders.insert(folder)
        }
        var info = stat()
        if mustNotExist && lstat(path, &info) == 0 {
            throw FileWriteError(description: "a file already exists there; it was left untouched")
        }
        let temp = folder + "/." + name + Self.temporarySuffix
        // Written by hand: Foundation's own atomic write would leave a temporary of its own naming behind when the
        // process is killed, which no later run could recognise and clean up.
        try Self.create(temp, bytes)
        try steps.record(.temporaryWritten(path: relativePath))
        if rename(temp, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temp)
            throw FileWriteError(description: "cannot replace the file: \(reason)")
        }
        try steps.record(.fileRenamed(path: relativePath))
    }

    /// Every temporary this writer makes ends so; one sync runs at a time (the lock), so any such file found at the
    /// start of a run was left by a killed run.
    static let temporarySuffix = ".sync-work-items.tmp"

    /// The folder and the name of a path relative to the root (isAllowed has made sure it has a folder).
    private static func split(_ relativePath: String) -> (folder: String, name: String) {
        guard let slash = relativePath.utf8.lastIndex(of: UInt8(ascii: "/")) else { return ("", relativePath) }
        return (String(relativePath[..<slash]), String(relativePath[relativePath.index(after: slash)...]))
    }

    /// Creates `path` afresh (a temporary a killed run left there is replaced; a link there is never followed).
    private static func create(_ path: String, _ bytes: [UInt8]) throws {
        var fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if fd < 0 && errno == EEXIST {
            unlink(path)
            fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        }
        guard fd >= 0 else { throw FileWriteError(description: "cannot create a temporary file: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                unlink(path)
                throw FileWriteError(description: "cannot write a temporary file: \(reason)")
            }
            offset += n
        }
    }

    /// Removes temporaries a killed run left in `folders` (relative to the root). Returns how many.
    @discardableResult
    func removeLeftTemporaries(in folders: [String]) -> Int {
        var removed = 0
        for folder in folders where allowedFolders.contains(where: { folder == $0 || folder.hasPrefix($0 + "/") }) {
            guard safety.problem(with: folder) == nil else { continue }
            let full = root + "/" + folder
            for name in Self.hiddenNames(in: full) where name.hasSuffix(Self.temporarySuffix) {
                if unlink(full + "/" + name) == 0 { removed += 1 }
            }
        }
        return removed
    }

    /// The names in `folder` that start with a dot, other than "." and "..". Read with `readdir`, so the
    /// thousands of work item names are looked at as bytes and never made into strings.
    private static func hiddenNames(in folder: String) -> [String] {
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: &entry.pointee.d_name) { raw -> String? in
                guard raw.first == UInt8(ascii: ".") else { return nil }
                let name = String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                return name == "." || name == ".." ? nil : name
            }
            if let name { names.append(name) }
        }
        return names
    }

    func isAllowed(_ relativePath: String) -> Bool {
        let parts = relativePath.split(separator: "/")
        guard !relativePath.hasPrefix("/"), !parts.contains(".."), !parts.contains(".") else { return false }
        return allowedFolders.contains { relativePath.hasPrefix($0 + "/") }
    }
}
