/// Deterministic `localId`s for the task lists and task items made from markdown: the same markdown always gives
/// the same ids (so converting twice sends nothing new), shaped like the UUIDs Jira's editor uses.
///
/// Ids Jira assigned are not carried through markdown (there is no place for them that a person would want to
/// read); a task list pulled from Jira and pushed back gets these ids instead, with the same items and states.
enum LocalIdentifier {
    static func make(_ seed: String) -> String {
        func hex(_ value: UInt64) -> String {
            let digits = String(value, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }
        var characters = Array(hex(fnv1a(seed, basis: 0xcbf2_9ce4_8422_2325)) + hex(fnv1a(seed, basis: 0x6c62_272e_07bb_0142)))
        // Version 8 ("custom") and the RFC 9562 variant, so strict UUID parsers accept it.
        characters[12] = "8"
        characters[16] = Array("89ab")[(characters[16].hexDigitValue ?? 0) & 3]
        return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(characters[$0]) }.joined(separator: "-")
    }

    private static func fnv1a(_ text: String, basis: UInt64) -> UInt64 {
        var hash = basis
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
