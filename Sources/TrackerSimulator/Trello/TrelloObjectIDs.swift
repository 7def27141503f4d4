/// Trello's identifiers as the fake makes them: object ids of 24 hex digits shaped like MongoDB's (the first 8 are
/// the creation time in seconds, so ids sort by creation and `since`/`before` may name one), and 8-character
/// shortLinks, distinct for every object because they are a bijective scramble of a counter.
struct TrelloObjectIDs: Codable, Sendable, Equatable {
    /// Stands in for MongoDB's machine and process bytes.
    static let machine = "5e1a7e11c0"
    private static let alphabet = Array("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
    /// 62⁸: shortLinks are 8 base-62 digits.
    private static let shortLinkSpace: UInt64 = 218_340_105_584_896
    /// About 62⁸ divided by the golden ratio (spreads neighbours over the whole range), odd and not a multiple of
    /// 31, so multiplying by it permutes 0..<62⁸.
    private static let scramble: UInt64 = 134_941_268_468_201

    private(set) var counter: UInt64 = 0

    mutating func objectID(createdAt milliseconds: Int64) -> String {
        counter += 1
        let seconds = UInt32(truncatingIfNeeded: max(0, milliseconds / 1000))
        return hex(UInt64(seconds), width: 8) + Self.machine + hex(counter & 0xFFFFFF, width: 6)
    }

    mutating func shortLink() -> String {
        counter += 1
        let product = counter.multipliedFullWidth(by: Self.scramble)
        var value = Self.shortLinkSpace.dividingFullWidth((product.high, product.low)).remainder
        var characters: [Character] = []
        for _ in 0..<8 {
            characters.append(Self.alphabet[Int(value % 62)])
            value /= 62
        }
        return String(characters)
    }

    private func hex(_ value: UInt64, width: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    static func isObjectID(_ text: String) -> Bool {
        text.utf8.count == 24 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0 | 0x20) }
    }

    static func isShortLink(_ text: String) -> Bool {
        text.utf8.count == 8 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }
    }
}
