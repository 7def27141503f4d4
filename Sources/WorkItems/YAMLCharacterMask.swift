import Foundation

/// Characters Yams cannot read as written. libyaml follows YAML 1.1 and also ends a line at a lone CR, NEL, U+2028
/// and U+2029, where the document ends lines at LF only (`DocumentLines`); and Yams drops a U+FEFF that starts a
/// value. Before the frontmatter goes to Yams, those characters are swapped for private-use placeholders that do
/// not occur in it, so the parser's line numbers are the document's and the characters read as the ordinary
/// characters YAML 1.2 says they are; `restore` puts them back into the values.
struct YAMLCharacterMask {
    /// The frontmatter as the parser sees it.
    let yaml: String
    /// Placeholder → the character it stands for.
    private let originals: [Unicode.Scalar: Unicode.Scalar]

    init(_ text: String) {
        let scalars = Self.mayNeedMask(text) ? Array(text.unicodeScalars) : []
        let characters = Self.masked(in: scalars)
        guard !characters.isEmpty else {
            yaml = text
            originals = [:]
            return
        }
        let placeholders = Self.placeholders(for: characters, avoiding: Set(scalars))
        var masked = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            masked.append(Self.needsMask(at: index, in: scalars) ? placeholders[scalar] ?? scalar : scalar)
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

    /// Byte test first: a lone CR, NEL (C2 85), U+2028/U+2029 (E2 80 A8/A9) or U+FEFF (EF BB BF).
    private static func mayNeedMask(_ text: String) -> Bool {
        text.withBytes { bytes in
            for index in bytes.indices {
                switch bytes[index] {
                case 0x0D where index + 1 == bytes.count || bytes[index + 1] != 0x0A: return true
                case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0x85: return true
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    return true
                case 0xEF where index + 2 < bytes.count && bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF: return true
                default: continue
                }
            }
            return false
        }
    }

    private static func masked(in scalars: [Unicode.Scalar]) -> Set<Unicode.Scalar> {
        Set(scalars.indices.filter { needsMask(at: $0, in: scalars) }.map { scalars[$0] })
    }

    private static func needsMask(at index: Int, in scalars: [Unicode.Scalar]) -> Bool {
        switch scalars[index].value {
        case 0x0D: return index + 1 == scalars.count || scalars[index + 1] != "\n"
        case 0x85, 0x2028, 0x2029, 0xFEFF: return true
        default: return false
        }
    }

    /// One unused private-use character per masked character; libyaml reads private use as printable, and no
    /// frontmatter uses all 137,000 of them.
    private static func placeholders(for characters: Set<Unicode.Scalar>, avoiding used: Set<Unicode.Scalar>) -> [Unicode.Scalar: Unicode.Scalar] {
        let privateUse: [ClosedRange<UInt32>] = [0xE000...0xF8FF, 0xF_0000...0xF_FFFD]
        var free = privateUse.joined().lazy.compactMap(Unicode.Scalar.init).filter { !used.contains($0) }.makeIterator()
        var out: [Unicode.Scalar: Unicode.Scalar] = [:]
        for scalar in characters.sorted(by: { $0.value < $1.value }) { out[scalar] = free.next() }
        return out
    }
}
