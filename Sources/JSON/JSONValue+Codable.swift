/// Lets a `JSONValue` sit inside `Codable` types. Decoders that read objects into dictionaries (`JSONDecoder`)
/// give the members in key order; parse with `JSONValue(parsing:)` to keep the text's order.
extension JSONValue: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let integer = try? container.decode(Int.self) {
            self = .int(integer)
        } else if let double = try? container.decode(Double.self) {
            self = .double(double)
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let elements = try? container.decode([JSONValue].self) {
            self = .array(elements)
        } else {
            self = .object(JSONObject(try container.decode([String: JSONValue].self)))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let flag): try container.encode(flag)
        case .number(let number):
            // `-0` is an integer to JSON but not to `Int`.
            if number.isInteger, number.text != "-0", let integer = Int(number.text) {
                try container.encode(integer)
            } else {
                try container.encode(number.double)
            }
        case .string(let text): try container.encode(text)
        case .array(let elements): try container.encode(elements)
        case .object(let object): try container.encode(Dictionary(object.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last }))
        }
    }
}
