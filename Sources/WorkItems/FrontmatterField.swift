import Yams

/// One top-level frontmatter key: its value, the shape YAML gave it, and the lines it occupies.
struct FrontmatterField: Sendable, Equatable {
    enum Style: Sendable, Equatable {
        case plain, doubleQuoted, singleQuoted, flowList, blockList(indent: String), other

        init(node: Node, firstLine: String) {
            switch node {
            case .scalar(let s):
                switch s.style {
                case .doubleQuoted: self = .doubleQuoted
                case .singleQuoted: self = .singleQuoted
                case .plain: self = .plain
                default: self = .other
                }
            case .sequence(let seq):
                if seq.style == .flow || firstLine.containsBytes("[") {
                    self = .flowList
                } else {
                    self = .blockList(indent: "")
                }
            default:
                self = .other
            }
        }
    }

    /// What YAML made of the value; `FrontmatterValue` reads a mapping or an alias as null and drops nested list
    /// items, so validation looks here.
    enum Shape: Sendable, Equatable {
        case scalar, null, list, nestedList, other

        init(node: Node, value: FrontmatterValue) {
            switch node {
            case .scalar: self = value == .null ? .null : .scalar
            case .sequence(let seq): self = seq.allSatisfy { $0.scalar != nil } ? .list : .nestedList
            default: self = .other
            }
        }
    }

    var key: String
    var value: FrontmatterValue
    var lineRange: Range<Int>
    var style: Style
    var shape: Shape
}
