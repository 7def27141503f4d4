import Foundation
import JSON

/// Replaces every form a secret can take in text meant for people: as it is, trimmed, escaped the way Swift, JSON
/// and shells print strings, percent-encoded, and base64-encoded (standard and URL-safe, as in a Basic header).
public struct SecretRedactor: Sendable {
    public static let mask = "[redacted]"
    /// Longest first, so a form that contains another is replaced whole.
    private let forms: [Form]

    private struct Form: Sendable {
        let text: String
        let bytes: [UInt8]
        let isASCII: Bool

        init(_ text: String) {
            self.text = text
            bytes = Array(text.utf8)
            isASCII = bytes.allSatisfy { $0 < 0x80 }
        }
    }

    public init(secrets: [String]) {
        var forms = Set<String>()
        for secret in secrets { forms.formUnion(Self.forms(of: secret)) }
        self.forms = forms.filter { $0.count >= 4 }.sorted { $0.count > $1.count }.map(Form.init)
    }

    /// ASCII forms byte for byte (every line of a 10,000-item run's output passes here, and Foundation's search
    /// costs a bridge per form); the rest with Foundation's matching, which also finds a form spelled with
    /// canonically equivalent characters. An ASCII form can be spelled so only with the three characters outside
    /// ASCII whose canonical decomposition is ASCII, so Foundation is asked about it only when one is in the text.
    public func redact(_ text: String) -> String {
        var bytes = Array(text.utf8)
        var replaced = false
        for form in forms where form.isASCII {
            replaced = Self.replace(form.bytes, in: &bytes) || replaced
        }
        var out = replaced ? String(decoding: bytes, as: UTF8.self) : text
        let spelledOtherwise = Self.asciiStandIns.contains { Self.firstIndex(of: $0, in: bytes, from: 0) != nil }
        for form in forms where !form.isASCII || spelledOtherwise {
            if out.contains(form.text) { out = out.replacingOccurrences(of: form.text, with: Self.mask) }
        }
        return out
    }

    /// U+037E GREEK QUESTION MARK (;), U+1FEF GREEK VARIA (`) and U+212A KELVIN SIGN (K) in UTF-8.
    private static let asciiStandIns: [[UInt8]] = [[0xCD, 0xBE], [0xE1, 0xBF, 0xAF], [0xE2, 0x84, 0xAA]]

    /// Replaces each occurrence of the ASCII `form` in `bytes` with the mask; whether there was one. An ASCII byte
    /// never stands inside a longer UTF-8 sequence, so the result stays valid UTF-8.
    private static func replace(_ form: [UInt8], in bytes: inout [UInt8]) -> Bool {
        guard var found = firstIndex(of: form, in: bytes, from: 0) else { return false }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var copied = 0
        while true {
            out += bytes[copied..<found]
            out += mask.utf8
            copied = found + form.count
            guard let next = firstIndex(of: form, in: bytes, from: copied) else { break }
            found = next
        }
        out += bytes[copied...]
        bytes = out
        return true
    }

    private static func firstIndex(of form: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard let first = form.first, bytes.count - start >= form.count else { return nil }
        return bytes.withUnsafeBufferPointer { haystack in
            form.withUnsafeBufferPointer { needle in
                var index = start
                let last = haystack.count - needle.count
                while index <= last {
                    if haystack[index] == first, memcmp(haystack.baseAddress! + index, needle.baseAddress!, needle.count) == 0 {
                        return index
                    }
                    index += 1
                }
                return nil
            }
        }
    }

    static func forms(of secret: String) -> Set<String> {
        let core = secret.trimmingCharacters(in: .whitespacesAndNewlines)
        var forms: Set<String> = [secret, core]
        for value in [secret, core] {
            forms.insert(escaped(value))
            forms.insert(jsonEscaped(value))
            if let percent = value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) { forms.insert(percent) }
            if let percent = value.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) { forms.insert(percent) }
            let base64 = Data(value.utf8).base64EncodedString()
            forms.insert(base64)
            forms.insert(base64.trimmingCharacters(in: CharacterSet(charactersIn: "=")))
            forms.insert(base64.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
                .trimmingCharacters(in: CharacterSet(charactersIn: "=")))
        }
        return forms
    }

    /// As Swift's `debugDescription` prints a string's characters (`\n`, `\r`, `\t`, `\u{1B}`).
    static func escaped(_ s: String) -> String {
        let quoted = s.debugDescription
        return String(quoted.dropFirst().dropLast())
    }

    /// As JSON writes a string (`\n`, `\u001b`).
    static func jsonEscaped(_ s: String) -> String {
        String(JSONValue.string(s).encodedString().dropFirst().dropLast())
    }
}
