/// A JSON object: members in the order they were read or added, looked up by key.
///
/// A key appears at most once; setting an existing key replaces its value in place. Small objects (ADF nodes,
/// API errors) are searched in order; large ones (an issue's fields) keep an index. Equality ignores order, as
/// JSON does.
public struct JSONObject: Sendable, Hashable, RandomAccessCollection, ExpressibleByDictionaryLiteral {
    public typealias Element = (key: String, value: JSONValue)

    private var members: [Element]
    /// Position of each key, kept once the object is larger than `indexThreshold`.
    private var positions: [String: Int]?
    private static let indexThreshold = 12

    public init() {
        members = []
        positions = nil
    }

    /// Members in order; a repeated key keeps its first place and its last value.
    public init(_ members: some Sequence<(String, JSONValue)>) {
        self.init()
        for (key, value) in members { self[key] = value }
    }

    /// The dictionary's members ordered by key (a dictionary has no order of its own).
    public init(_ dictionary: [String: JSONValue]) {
        self.init(dictionary.sorted { JSONObject.keyPrecedes($0.key, $1.key) }.map { ($0.key, $0.value) })
    }

    public init(dictionaryLiteral elements: (String, JSONValue)...) { self.init(elements) }

    // MARK: Collection of members

    public var startIndex: Int { 0 }
    public var endIndex: Int { members.count }
    public subscript(position: Int) -> Element { members[position] }

    public var keys: [String] { members.map(\.key) }
    public var values: [JSONValue] { members.map(\.value) }

    // MARK: By key

    /// The value for `key`; setting nil removes the member.
    public subscript(key: String) -> JSONValue? {
        get { position(of: key).map { members[$0].value } }
        set {
            if let newValue { setValue(newValue, forKey: key) } else { removeValue(forKey: key) }
        }
    }

    public func contains(key: String) -> Bool { position(of: key) != nil }

    @discardableResult
    public mutating func removeValue(forKey key: String) -> JSONValue? {
        guard let position = position(of: key) else { return nil }
        let removed = members.remove(at: position).value
        if positions != nil { rebuildIndex() }
        return removed
    }

    /// The members for which `isIncluded` is true, in order.
    public func filter(_ isIncluded: (Element) throws -> Bool) rethrows -> JSONObject {
        JSONObject(try members.filter(isIncluded).map { ($0.key, $0.value) })
    }

    public func mapValues(_ transform: (JSONValue) throws -> JSONValue) rethrows -> JSONObject {
        JSONObject(try members.map { ($0.key, try transform($0.value)) })
    }

    /// The same members ordered by key, as `JSONKeyOrder.sorted` writes them.
    public func sortedByKey() -> JSONObject {
        JSONObject(members.sorted { JSONObject.keyPrecedes($0.key, $1.key) }.map { ($0.key, $0.value) })
    }

    /// Key order for `JSONKeyOrder.sorted`: by Unicode scalar, like `JSONEncoder`.
    static func keyPrecedes(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }

    // MARK: Equality (order ignored)

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        return lhs.members.allSatisfy { rhs[$0.key] == $0.value }
    }

    public func hash(into hasher: inout Hasher) {
        // Order-independent: the members' own hashes are summed.
        var sum = 0
        for member in members {
            var memberHasher = Hasher()
            memberHasher.combine(member.key)
            memberHasher.combine(member.value)
            sum &+= memberHasher.finalize()
        }
        hasher.combine(members.count)
        hasher.combine(sum)
    }

    // MARK: Internals

    private func position(of key: String) -> Int? {
        if let positions { return positions[key] }
        return members.firstIndex { $0.key == key }
    }

    private mutating func setValue(_ value: JSONValue, forKey key: String) {
        if let position = position(of: key) {
            members[position].value = value
            return
        }
        members.append((key, value))
        if positions != nil {
            positions?[key] = members.count - 1
        } else if members.count > Self.indexThreshold {
            rebuildIndex()
        }
    }

    private mutating func rebuildIndex() {
        guard members.count > Self.indexThreshold else {
            positions = nil
            return
        }
        var index: [String: Int] = [:]
        index.reserveCapacity(members.count)
        for (position, member) in members.enumerated() { index[member.key] = position }
        positions = index
    }
}
