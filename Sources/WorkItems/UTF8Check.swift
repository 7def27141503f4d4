/// Work items are UTF-8 (safety invariant 5). A file that is not is refused with the place of its first bad byte,
/// never decoded with replacement characters (which would reach the tracker and the rewritten file).
enum UTF8Check {
    /// The text, or the error naming the first byte that is not UTF-8 (0-based offset, 1-based line).
    static func decode(_ bytes: some Collection<UInt8>) throws(WorkItemParseError) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        let offset = firstInvalidOffset(in: bytes) ?? 0
        let prefix = bytes.prefix(offset)
        let line = prefix.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        let byte = bytes.dropFirst(offset).first ?? 0
        let hex = String(byte, radix: 16, uppercase: true)
        throw WorkItemParseError(line: line, message: "not UTF-8: byte 0x\(hex.count == 1 ? "0" + hex : hex) at offset \(offset) "
            + "cannot be read; save the file as UTF-8 (from Latin-1: iconv -f latin1 -t utf-8)")
    }

    static func firstInvalidOffset(in bytes: some Collection<UInt8>) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}
