extension StringProtocol {
    /// The text without leading and trailing tabs, space separators (Unicode category Zs) and U+200B: what
    /// `trimmingCharacters(in: .whitespaces)` gives on this platform, without Foundation's bridging, which was a
    /// tenth of hashing 10,000 items' contents.
    public func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        if let head = scalars.first, let tail = scalars.last, !Self.isWhitespace(head), !Self.isWhitespace(tail) {
            return String(self)
        }
        guard let first = scalars.firstIndex(where: { !Self.isWhitespace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !Self.isWhitespace($0) })!
        var trimmed = String.UnicodeScalarView()
        trimmed.append(contentsOf: scalars[first...last])
        return String(trimmed)
    }

    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar == " " || scalar == "\t" }
        return scalar.properties.generalCategory == .spaceSeparator || scalar == "\u{200B}"
    }
}
