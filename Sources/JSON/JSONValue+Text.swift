extension JSONValue {
    /// Parses UTF-8 JSON text (`[UInt8]`, `Data`, a `ByteBuffer`'s bytes…).
    public init(parsing bytes: some Collection<UInt8>) throws(JSONSyntaxError) {
        self = try JSONParser.parse(Array(bytes))
    }

    public init(parsing text: String) throws(JSONSyntaxError) {
        self = try JSONParser.parse(Array(text.utf8))
    }

    /// UTF-8 JSON text: compact, or indented as `JSONEncoder`'s `.prettyPrinted` does.
    public func encoded(keys: JSONKeyOrder = .kept, pretty: Bool = false) -> [UInt8] {
        var writer = JSONTextWriter(keyOrder: keys, pretty: pretty)
        writer.write(self)
        return writer.bytes
    }

    public func encodedString(keys: JSONKeyOrder = .kept, pretty: Bool = false) -> String {
        String(decoding: encoded(keys: keys, pretty: pretty), as: UTF8.self)
    }
}

extension JSONValue: CustomStringConvertible {
    /// Compact JSON, members in their order.
    public var description: String { encodedString() }
}
