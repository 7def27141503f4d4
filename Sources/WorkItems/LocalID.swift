/// A local id is part of a file name (`<id>-<slug>.md`), so it must not be able to name another place.
public enum LocalID {
    public static let maxLength = 64

    public static func isValid(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, isAlphanumeric(first), id.unicodeScalars.count <= maxLength,
              !id.contains("..")
        else { return false }
        return id.unicodeScalars.allSatisfy { isAlphanumeric($0) || $0 == "." || $0 == "_" || $0 == "-" }
    }

    private static func isAlphanumeric(_ s: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s)
    }
}
