/// Percent-encoding for the link targets of `ADFMarkdownForms`. Only what a CommonMark link destination cannot hold
/// (or would reinterpret) is encoded, so the JSON stays readable.
enum LinkTargetCoding {
    static func encode(_ text: String, alsoEncoding extra: String = "") -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            let special = scalar.properties.isWhitespace || scalar.value < 0x20 || scalar.value == 0x7F
                || "%()<>\\&`".unicodeScalars.contains(scalar) || extra.unicodeScalars.contains(scalar)
            if special {
                for byte in String(scalar).utf8 { out += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true) }
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func decode(_ text: String) -> String {
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.first {
            if byte == UInt8(ascii: "%"), utf8.count >= 3,
               let value = UInt8(String(decoding: utf8.dropFirst().prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                utf8 = utf8.dropFirst(3)
            } else {
                bytes.append(byte)
                utf8 = utf8.dropFirst()
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
