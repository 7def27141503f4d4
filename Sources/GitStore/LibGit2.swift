import CLibGit2
import Foundation

/// libgit2 must be initialised once per process; a global `let` initialiser runs lazily, exactly once, thread-safely.
/// Objects read are not hashed again, as git reads them: zlib's checksum still catches a damaged one, and the
/// check re-hashed the 0.5 MB work-folder tree each time a sync of 10,000 items read it.
let libgit2Initialisation: Int32 = {
    let initialised = git_libgit2_init()
    _ = gsw_set_strict_hash_verification(0)
    return initialised
}()

/// Hex form of an object id.
func hexString(_ oid: UnsafePointer<git_oid>) -> String {
    String(unsafeUninitializedCapacity: 40) { buffer in
        buffer.withMemoryRebound(to: CChar.self) { _ = git_oid_fmt($0.baseAddress, oid) }
        return 40
    }
}

/// Parses a full 40-character hex object id; nil for anything else.
func parseObjectID(_ hex: String) -> git_oid? {
    guard hex.utf8.count == 40, hex.utf8.allSatisfy({ $0.isHexDigit }) else { return nil }
    var oid = git_oid()
    guard git_oid_fromstr(&oid, hex) == 0 else { return nil }
    return oid
}

/// A non-empty environment variable, read at call time.
func environmentValue(_ name: String) -> String? {
    guard let raw = getenv(name) else { return nil }
    let value = String(cString: raw)
    return value.isEmpty ? nil : value
}

/// Points libgit2's global, XDG and system config lookups at folders of our choosing (nil: back to the defaults
/// libgit2 derives from HOME). libgit2 reads HOME once at initialisation, so a test that wants the process's own
/// configuration kept out of a temporary repository has to say so here. Affects repositories opened afterwards.
enum ConfigSearchPath {
    static func override(home: String?, system: String?) throws(GitError) {
        _ = libgit2Initialisation
        try check(gsw_set_config_search_path(GIT_CONFIG_LEVEL_GLOBAL, home), "cannot set the global config path")
        try check(
            gsw_set_config_search_path(GIT_CONFIG_LEVEL_XDG, home.map { $0 + "/.config/git" }),
            "cannot set the XDG config path")
        try check(gsw_set_config_search_path(GIT_CONFIG_LEVEL_SYSTEM, system), "cannot set the system config path")
    }
}

private extension UInt8 {
    var isHexDigit: Bool { (48...57).contains(self) || (97...102).contains(self) || (65...70).contains(self) }
}
