import Synchronization

/// The secrets this process has loaded (tokens, passwords in configured URLs), so that every message on its way to
/// a person can be scrubbed of them, whichever code path produced it. Credentials register themselves as they are
/// loaded; output code calls `redact`.
public enum Secrets {
    private static let registered = Mutex(SecretRedactor(secrets: []))
    private static let values = Mutex([String]())

    public static func register(_ secret: String) {
        guard !secret.isEmpty else { return }
        let all = values.withLock { list -> [String] in
            if !list.contains(secret) { list.append(secret) }
            return list
        }
        registered.withLock { $0 = SecretRedactor(secrets: all) }
    }

    public static func redact(_ text: String) -> String {
        registered.withLock { $0 }.redact(text)
    }
}
