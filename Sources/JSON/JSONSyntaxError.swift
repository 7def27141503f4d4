/// Why a text is not JSON, and where: the byte offset, and the line and column (both from 1, columns counted in
/// bytes) for people reading the text in an editor.
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public var offset: Int
    public var line: Int
    public var column: Int
    public var reason: String

    public var description: String { "invalid JSON at line \(line), column \(column) (byte \(offset)): \(reason)" }

    init(reason: String, at offset: Int, in bytes: [UInt8]) {
        let before = bytes[..<min(offset, bytes.count)]
        let lastNewline = before.lastIndex(of: UInt8(ascii: "\n"))
        self.offset = offset
        self.line = before.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        self.column = offset - (lastNewline.map { $0 + 1 } ?? 0) + 1
        self.reason = reason
    }
}
