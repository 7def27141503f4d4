import Foundation

/// Percent-encoding for a URL's path segment or query value: everything but RFC 3986's unreserved characters
/// (ASCII letters, digits, `-._~`) and the `keeping` characters is encoded, non-ASCII letters included (Foundation's
/// `alphanumerics` would leave `é` raw and make an invalid URL).
public enum PercentEncoding {
    public static func component(_ text: String, keeping extra: String = "") -> String {
        var allowed = unreserved
        allowed.insert(charactersIn: extra)
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    private static let unreserved = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
}
