import Foundation
import JSON

/// Replaces every form a secret can take in text meant for people: as it is, trimmed, escaped the way Swift, JSON
/// and shells print strings, percent-encoded, and base64-encoded (standard and URL-safe, as in a Basic header).
public struct SecretRedactor: Sendable {
    public static let mask = "[redacted]"
    /// Longest first, so a form that contains another is replaced whole.
    private let forms: [String]

    public init(secrets: [String]) {
        var forms = Set<String>()
        for secret in secrets { forms.formUnion(Self.forms(of: secret)) }
        self.forms = forms.filter { $0.count >= 4 }.sorted { $0.count > $1.count }
    }

    public func redact(_ text: String) -> String {
        var out = text
        for form in forms where Self.contains(out, form) { out = out.replacingOccurrences(of: form, with: Self.mask) }
        return out
    }

    /// Foundation's `contains`, which matches canonically equivalent text; between two ASCII texts that is byte
    /// equality, searched here without bridging (every line of a 10,000-item run's output is redacted).
    private static func contains(_ text: String, _ form: String) -> Bool {
        guard text.utf8.allSatisfy({ $0 < 0x80 }), form.utf8.allSatisfy({ $0 < 0x80 }) else { return text.contains(form) }
        return text.utf8.firstRange(of: form.utf8) != nil
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
