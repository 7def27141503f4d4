import JSON

extension JSONValue {
    /// An array of strings; nil for anything else.
    var strings: [String]? {
        guard let array else { return nil }
        let strings = array.compactMap(\.string)
        return strings.count == array.count ? strings : nil
    }

    /// Every element of an array read by `read`; nil when this is no array or an element cannot be read.
    func all<Element>(_ read: (JSONValue) -> Element?) -> [Element]? {
        guard let array else { return nil }
        var out: [Element] = []
        out.reserveCapacity(array.count)
        for element in array {
            guard let value = read(element) else { return nil }
            out.append(value)
        }
        return out
    }
}
