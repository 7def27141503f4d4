/// Prefix, suffix and substring tests on UTF-8 bytes. `String`'s own compare whole characters, so "## " is not a
/// prefix of "## \u{301}x" (the space and the combining mark are one character) although git, YAML and markdown
/// all see "## " there; WorkItems matches syntax on bytes.
extension StringProtocol {
    func hasBytePrefix(_ prefix: String) -> Bool { utf8.starts(with: prefix.utf8) }

    func hasByteSuffix(_ suffix: String) -> Bool { utf8.reversed().starts(with: suffix.utf8.reversed()) }

    func containsBytes(_ needle: String) -> Bool { firstByteMatch(of: needle) != nil }

    /// Where `needle`'s bytes first occur (needle must start with a whole character, so the index is valid).
    func firstByteMatch(of needle: String) -> Index? {
        let n = Array(needle.utf8)
        guard let first = n.first else { return startIndex }
        var index = utf8.startIndex
        while let found = utf8[index...].firstIndex(of: first) {
            if utf8[found...].starts(with: n) { return found }
            index = utf8.index(after: found)
        }
        return nil
    }

    /// The UTF-8 bytes as one buffer: loops over large texts (descriptions, whole files) run on it.
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(utf8).withUnsafeBufferPointer(body)
    }
}
