import Foundation

/// libyaml follows YAML 1.1 and also ends a line at a lone CR, NEL, U+2028 and U+2029; the document ends lines at
/// LF only (`DocumentLines`). Before the frontmatter goes to Yams, those characters are swapped for private-use
/// placeholders that do not occur in it, so the parser's line numbers are the document's and the characters are
/// read as the ordinary characters YAML 1.2 says they are; `restore` puts them back into the values.
struct YAMLLineBreakMask {
    /// The frontmatter as the parser sees it.
    let yaml: String
    /// Placeholder → the character it stands for.
    private let originals: [Unicode.Scalar: Unicode.Scalar]

    init(_ text: String) {
        let scalars = Self.mayNeedMask(text) ? Array(text.unicodeScalars) : []
        let breaks = Self.yamlOnlyBreaks(in: scalars)
        guard !breaks.isEmpty else {
            yaml = text
            originals = [:]
            return
        }
        let placeholders = Self.placeholders(for: breaks, avoiding: Set(scalars))
        var masked = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            masked.append(Self.isYAMLOnlyBreak(at: index, in: scalars) ? placeholders[scalar] ?? scalar : scalar)
        }
        yaml = String(masked)
        originals = Dictionary(uniqueKeysWithValues: placeholders.map { ($0.value, $0.key) })
    }

    /// A value read from `yaml`, with the masked characters back.
    func restore(_ value: String) -> String {
        guard !originals.isEmpty, value.unicodeScalars.contains(where: { originals[$0] != nil }) else { return value }
        var out = String.UnicodeScalarView()
        for scalar in value.unicodeScalars { out.append(originals[scalar] ?? scalar) }
        return String(out)
    }

    /// Byte test first: CR, and the lead bytes of NEL (C2 85) and of U+2028/U+2029 (E2 80 A8/A9).
    private static func mayNeedMask(_ text: String) -> Bool {
        text.utf8.contains { $0 == 0x0D || $0 == 0xC2 || $0 == 0xE2 }
    }

    private static func yamlOnlyBreaks(in scalars: [Unicode.Scalar]) -> Set<Unicode.Scalar> {
        Set(scalars.indices.filter { isYAMLOnlyBreak(at: $0, in: scalars) }.map { scalars[$0] })
    }

    private static func isYAMLOnlyBreak(at index: Int, in scalars: [Unicode.Scalar]) -> Bool {
        switch scalars[index].value {
        case 0x0D: return index + 1 == scalars.count || scalars[index + 1] != "\n"
        case 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// One unused private-use character per break character; libyaml reads private use as printable, and no
    /// frontmatter uses all 137,000 of them.
    private static func placeholders(for breaks: Set<Unicode.Scalar>, avoiding used: Set<Unicode.Scalar>) -> [Unicode.Scalar: Unicode.Scalar] {
        let privateUse: [ClosedRange<UInt32>] = [0xE000...0xF8FF, 0xF_0000...0xF_FFFD]
        var free = privateUse.joined().lazy.compactMap(Unicode.Scalar.init).filter { !used.contains($0) }.makeIterator()
        var out: [Unicode.Scalar: Unicode.Scalar] = [:]
        for scalar in breaks.sorted(by: { $0.value < $1.value }) { out[scalar] = free.next() }
        return out
    }
}
