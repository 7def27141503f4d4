/// RFC 8288 `Link` headers: `<url>; rel="next", <url>; rel="last"`.
public enum LinkHeader {
    public static func url(rel: String, in header: String?) -> String? {
        guard let header else { return nil }
        for part in header.split(separator: ",") {
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let first = pieces.first, first.hasPrefix("<"), first.hasSuffix(">") else { continue }
            let rels = pieces.dropFirst().filter { $0.hasPrefix("rel=") }.flatMap {
                $0.dropFirst(4).trimmingCharacters(in: CharacterSet(charactersIn: "\"")).split(separator: " ").map(String.init)
            }
            if rels.contains(rel) { return String(first.dropFirst().dropLast()) }
        }
        return nil
    }
}

import Foundation
