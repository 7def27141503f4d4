/// Prefix, suffix and substring tests on UTF-8 bytes. `String`'s own compare whole characters, so "## " is not a
/// prefix of "## \u{301}x" (the space and the combining mark are one character) although git, YAML and markdown
/// all see "## " there; WorkItems matches syntax on bytes.
extension StringProtocol {
    func hasBytePrefix(_ prefix: String) -> Bool { utf8.starts(with: prefix.utf8) }

    func hasByteSuffix(_ suffix: String) -> Bool { utf8.reversed().starts(with: suffix.utf8.reversed()) }

    func containsBytes(_ needle: String) -> Bool {
        let n = Array(needle.utf8)
        guard let first = n.first else { return true }
        var index = utf8.startIndex
        while let found = utf8[index...].firstIndex(of: first) {
            if utf8[found...].starts(with: n) { return true }
            index = utf8.index(after: found)
        }
        return false
    }
}
