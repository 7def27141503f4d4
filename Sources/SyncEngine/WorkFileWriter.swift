import Foundation

public struct FileWriteError: Error, Sendable, CustomStringConvertible {
    public var description: String
}

/// Writes files atomically (temp file in the same folder, then rename) and only inside the allowed folders
/// (safety invariant 5): the work folder and the integrations folder.
final class WorkFileWriter {
    let root: String
    let allowedFolders: [String]
    /// Folders already created and checked, so 10,000 writes into one folder check it once.
    private var verifiedFolders = Set<String>()

    init(root: String, allowedFolders: [String]) {
        self.root = root
        self.allowedFolders = allowedFolders
    }

    func write(_ bytes: [UInt8], to relativePath: String, mustNotExist: Bool = false) throws {
        guard isAllowed(relativePath) else {
            throw FileWriteError(description: "refusing to write outside \(allowedFolders.joined(separator: " and "))")
        }
        let path = root + "/" + relativePath
        let folder = (path as NSString).deletingLastPathComponent
        let fm = FileManager.default
        if !verifiedFolders.contains(folder) {
            try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
            // A symlinked folder could point anywhere: the real folder must still be inside the repository.
            let realRoot = (root as NSString).resolvingSymlinksInPath
            let realFolder = (folder as NSString).resolvingSymlinksInPath
            guard realFolder == realRoot || realFolder.hasPrefix(realRoot + "/") else {
                throw FileWriteError(description: "refusing to write through a link that leaves the repository")
            }
            verifiedFolders.insert(folder)
        }
        if mustNotExist && fm.fileExists(atPath: path) {
            throw FileWriteError(description: "a file already exists there; it was left untouched")
        }
        let temp = folder + "/.\((path as NSString).lastPathComponent).sync-\(getpid()).tmp"
        guard fm.createFile(atPath: temp, contents: Data(bytes)) else {
            throw FileWriteError(description: "cannot create a temporary file in \(folder)")
        }
        if rename(temp, path) != 0 {
            let reason = String(cString: strerror(errno))
            try? fm.removeItem(atPath: temp)
            throw FileWriteError(description: "cannot replace the file: \(reason)")
        }
    }

    func isAllowed(_ relativePath: String) -> Bool {
        let parts = relativePath.split(separator: "/")
        guard !relativePath.hasPrefix("/"), !parts.contains(".."), !parts.contains(".") else { return false }
        return allowedFolders.contains { relativePath.hasPrefix($0 + "/") }
    }
}
