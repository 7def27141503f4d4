/// The shapes of Trello's identifiers.
enum TrelloKeys {
    /// A card's or board's shortLink, the part of its URL after `/c/` or `/b/`: 8 letters and digits.
    static func isShortLink(_ text: String) -> Bool {
        text.utf8.count == 8 && text.utf8.allSatisfy(isAlphanumeric)
    }

    /// An object id: 24 hexadecimal digits, the first 8 of them its creation time in seconds.
    static func isObjectID(_ text: String) -> Bool {
        text.utf8.count == 24 && text.utf8.allSatisfy { isDigit($0) || (0x61...0x66).contains($0 | 0x20) }
    }

    /// A board as `trello.board_id` may name it.
    static func isBoardReference(_ text: String) -> Bool { isShortLink(text) || isObjectID(text) }

    /// The creation time an object id carries, in seconds since 1970.
    static func creationSeconds(ofID id: String) -> Int? {
        guard isObjectID(id) else { return nil }
        return Int(id.prefix(8), radix: 16)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isDigit(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }
}
