/// A JQL query as written: an optional where clause and the ORDER BY list. Field names and values are kept as
/// text; `JQLCompiler` resolves them against the store.
struct JQLQuery: Sendable {
    var clause: JQLClause?
    var orderBy: [JQLSort]
}

indirect enum JQLClause: Sendable {
    case and([JQLClause])
    case or([JQLClause])
    case not(JQLClause)
    case term(JQLTerm)
}

struct JQLTerm: Sendable {
    var field: String
    var op: JQLOperator
    var operand: JQLOperand
    /// 1-based character position of the field, for error messages.
    var position: Int
}

enum JQLOperator: String, Sendable {
    case equals = "="
    case notEquals = "!="
    case like = "~"
    case notLike = "!~"
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case `in` = "in"
    case notIn = "not in"
    case `is` = "is"
    case isNot = "is not"

    /// The operator that matches exactly what this one does not (ignoring empty fields, which match neither).
    var negated: JQLOperator {
        switch self {
        case .equals: .notEquals
        case .notEquals: .equals
        case .like: .notLike
        case .notLike: .like
        case .less: .greaterOrEqual
        case .lessOrEqual: .greater
        case .greater: .lessOrEqual
        case .greaterOrEqual: .less
        case .in: .notIn
        case .notIn: .in
        case .is: .isNot
        case .isNot: .is
        }
    }
}

enum JQLOperand: Sendable {
    case single(JQLValue)
    case list([JQLValue])
}

enum JQLValue: Sendable, Equatable {
    /// A quoted string or an unquoted word, unescaped.
    case text(String)
    /// `EMPTY` or `NULL`.
    case empty
    /// `currentUser()`, `now()`, … with their arguments.
    case function(String, [String])
}

struct JQLSort: Sendable {
    var field: String
    /// nil: the field's default direction.
    var descending: Bool?
    var position: Int
}

/// The JQL the simulator understands, with Jira's error wording: `Error in the JQL Query: … (line 1, character N)`.
struct JQLSyntaxError: Error, Sendable {
    var message: String
}

struct JQLParser {
    private enum TokenKind: Equatable {
        case word(String)
        case quoted(String)
        case op(String)
        case open, close, comma
        case and, or, not
        case end
    }

    private struct Token {
        var kind: TokenKind
        /// 1-based character position.
        var position: Int
        /// As written, for messages.
        var text: String
    }

    private var tokens: [Token] = []
    private var index = 0
    private let lineCount: (Int) -> (line: Int, column: Int)

    /// Words that must be quoted to be used as values (Jira's reserved words that matter here).
    static let reservedWords: Set<String> = [
        "and", "or", "not", "empty", "null", "order", "by", "asc", "desc", "in", "is", "was", "changed", "after",
        "before", "during", "on", "from", "to",
    ]

    static func parse(_ jql: String) throws(JQLSyntaxError) -> JQLQuery {
        var parser = try JQLParser(jql)
        return try parser.parseQuery()
    }

    private init(_ jql: String) throws(JQLSyntaxError) {
        let characters = Array(jql)
        lineCount = { position in
            var line = 1, column = 1
            for character in characters.prefix(position - 1) {
                if character == "\n" { line += 1; column = 1 } else { column += 1 }
            }
            return (line, column)
        }
        tokens = try Self.tokenize(characters, locate: lineCount)
    }

    // MARK: Grammar

    private mutating func parseQuery() throws(JQLSyntaxError) -> JQLQuery {
        var clause: JQLClause?
        if !isOrderBy(), current.kind != .end {
            clause = try parseOr()
        }
        var sorts: [JQLSort] = []
        if isOrderBy() {
            index += 2
            sorts = try parseSortList()
        }
        guard current.kind == .end else {
            if clause == nil { throw error("Expecting a field name but got '\(current.text)'.", at: current) }
            throw error("Expecting either 'OR' or 'AND' but got '\(current.text)'.", at: current)
        }
        return JQLQuery(clause: clause, orderBy: sorts)
    }

    private mutating func parseOr() throws(JQLSyntaxError) -> JQLClause {
        var parts = [try parseAnd()]
        while current.kind == .or {
            index += 1
            parts.append(try parseAnd())
        }
        return parts.count == 1 ? parts[0] : .or(parts)
    }

    private mutating func parseAnd() throws(JQLSyntaxError) -> JQLClause {
        var parts = [try parseNot()]
        while current.kind == .and {
            index += 1
            parts.append(try parseNot())
        }
        return parts.count == 1 ? parts[0] : .and(parts)
    }

    private mutating func parseNot() throws(JQLSyntaxError) -> JQLClause {
        switch current.kind {
        case .not:
            index += 1
            return .not(try parseNot())
        case .open:
            index += 1
            let inner = try parseOr()
            guard current.kind == .close else { throw expected("')'", got: current) }
            index += 1
            return inner
        default:
            return .term(try parseTerm())
        }
    }

    private mutating func parseTerm() throws(JQLSyntaxError) -> JQLTerm {
        let fieldToken = current
        let field: String
        switch fieldToken.kind {
        case .word(let name) where !Self.reservedWords.contains(name.lowercased()): field = name
        case .quoted(let name): field = name
        case .end: throw error("Expecting a field name but reached the end of the query.", at: fieldToken)
        default: throw error("Expecting a field name but got '\(fieldToken.text)'.", at: fieldToken)
        }
        index += 1
        let op = try parseOperator()
        let operand: JQLOperand
        switch op {
        case .in, .notIn:
            operand = .list(try parseList())
        case .is, .isNot:
            guard case .word(let word) = current.kind, ["empty", "null"].contains(word.lowercased()) else {
                throw error("Expecting 'EMPTY' or 'NULL' but got '\(current.text)'.", at: current)
            }
            index += 1
            operand = .single(.empty)
        default:
            operand = .single(try parseValue())
        }
        return JQLTerm(field: field, op: op, operand: operand, position: fieldToken.position)
    }

    private mutating func parseOperator() throws(JQLSyntaxError) -> JQLOperator {
        let token = current
        switch token.kind {
        case .op(let symbol):
            index += 1
            return JQLOperator(rawValue: symbol)!
        case .word(let word) where word.lowercased() == "in":
            index += 1
            return .in
        case .word(let word) where word.lowercased() == "is":
            index += 1
            if current.kind == .not {
                index += 1
                return .isNot
            }
            return .is
        case .not:
            index += 1
            guard case .word(let word) = current.kind, word.lowercased() == "in" else {
                throw error("Expecting 'IN' but got '\(current.text)'.", at: current)
            }
            index += 1
            return .notIn
        case .word(let word) where ["was", "changed"].contains(word.lowercased()):
            throw error("The history operator '\(word.uppercased())' is not supported here.", at: token)
        case .end:
            throw error("Expecting operator but reached the end of the query. \(Self.validOperators)", at: token)
        default:
            throw error("Expecting operator but got '\(token.text)'. \(Self.validOperators)", at: token)
        }
    }

    private static let validOperators = "The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', "
        + "'NOT IN', 'IS' and 'IS NOT'."

    private mutating func parseList() throws(JQLSyntaxError) -> [JQLValue] {
        guard current.kind == .open else {
            // `x in currentUser()`-style functions stand for a list.
            if case .word = current.kind, case .open = peek(1).kind { return [try parseValue()] }
            throw expected("'('", got: current)
        }
        index += 1
        var values = [try parseValue()]
        while current.kind == .comma {
            index += 1
            values.append(try parseValue())
        }
        guard current.kind == .close else { throw expected("')'", got: current) }
        index += 1
        return values
    }

    private mutating func parseValue() throws(JQLSyntaxError) -> JQLValue {
        let token = current
        switch token.kind {
        case .quoted(let text):
            index += 1
            return .text(text)
        case .word(let word):
            if case .open = peek(1).kind {
                index += 2
                var arguments: [String] = []
                while current.kind != .close {
                    switch current.kind {
                    case .word(let argument), .quoted(let argument): arguments.append(argument)
                    default: throw expected("')'", got: current)
                    }
                    index += 1
                    if current.kind == .comma { index += 1 }
                }
                index += 1
                return .function(word, arguments)
            }
            let lowered = word.lowercased()
            if lowered == "empty" || lowered == "null" {
                index += 1
                return .empty
            }
            if Self.reservedWords.contains(lowered) {
                throw error("'\(word)' is a reserved JQL word. You must surround it in quotation marks to use it in a query.",
                            at: token)
            }
            index += 1
            return .text(word)
        case .end:
            throw error("Expecting either a value, list or function but reached the end of the query.", at: token)
        case .and, .or, .not:
            guard token.text.first?.isLetter == true else {
                throw error("Expecting either a value, list or function but got '\(token.text)'.", at: token)
            }
            throw error("'\(token.text)' is a reserved JQL word. You must surround it in quotation marks to use it in a query.",
                        at: token)
        default:
            throw error("Expecting either a value, list or function but got '\(token.text)'.", at: token)
        }
    }

    private mutating func parseSortList() throws(JQLSyntaxError) -> [JQLSort] {
        var sorts: [JQLSort] = []
        repeat {
            if !sorts.isEmpty { index += 1 }
            let token = current
            let field: String
            switch token.kind {
            case .word(let name) where !Self.reservedWords.contains(name.lowercased()): field = name
            case .quoted(let name): field = name
            case .end: throw error("Expecting a field name but reached the end of the query.", at: token)
            default: throw error("Expecting a field name but got '\(token.text)'.", at: token)
            }
            index += 1
            var descending: Bool?
            if case .word(let word) = current.kind, ["asc", "desc"].contains(word.lowercased()) {
                descending = word.lowercased() == "desc"
                index += 1
            }
            sorts.append(JQLSort(field: field, descending: descending, position: token.position))
        } while current.kind == .comma
        return sorts
    }

    // MARK: Helpers

    private var current: Token { tokens[min(index, tokens.count - 1)] }

    private func peek(_ offset: Int) -> Token { tokens[min(index + offset, tokens.count - 1)] }

    private func isOrderBy() -> Bool {
        guard case .word(let first) = current.kind, first.lowercased() == "order",
              case .word(let second) = peek(1).kind, second.lowercased() == "by" else { return false }
        return true
    }

    private func expected(_ what: String, got token: Token) -> JQLSyntaxError {
        if token.kind == .end { return error("Expecting \(what) but reached the end of the query.", at: token) }
        return error("Expecting \(what) but got '\(token.text)'.", at: token)
    }

    private func error(_ detail: String, at token: Token) -> JQLSyntaxError {
        let (line, column) = lineCount(token.position)
        return JQLSyntaxError(message: "Error in the JQL Query: \(detail) (line \(line), character \(column))")
    }

    // MARK: Tokens

    private static let special: Set<Character> = ["=", "!", "<", ">", "(", ")", ",", "~", "\"", "'", "&", "|"]

    private static func tokenize(_ characters: [Character],
                                 locate: (Int) -> (line: Int, column: Int)) throws(JQLSyntaxError) -> [Token] {
        var tokens: [Token] = []
        var i = 0
        func fail(_ detail: String, at position: Int) -> JQLSyntaxError {
            let (line, column) = locate(position + 1)
            return JQLSyntaxError(message: "Error in the JQL Query: \(detail) (line \(line), character \(column))")
        }
        while i < characters.count {
            let c = characters[i]
            let start = i
            if c.isWhitespace { i += 1; continue }
            func add(_ kind: TokenKind, length: Int) {
                tokens.append(Token(kind: kind, position: start + 1, text: String(characters[start..<start + length])))
                i = start + length
            }
            let next: Character? = i + 1 < characters.count ? characters[i + 1] : nil
            switch c {
            case "(": add(.open, length: 1)
            case ")": add(.close, length: 1)
            case ",": add(.comma, length: 1)
            case "=": add(.op("="), length: 1)
            case "~": add(.op("~"), length: 1)
            case "!":
                if next == "=" { add(.op("!="), length: 2) } else if next == "~" { add(.op("!~"), length: 2) } else { add(.not, length: 1) }
            case "<", ">":
                if next == "=" { add(.op(String(c) + "="), length: 2) } else { add(.op(String(c)), length: 1) }
            case "&": add(.and, length: next == "&" ? 2 : 1)
            case "|": add(.or, length: next == "|" ? 2 : 1)
            case "\"", "'":
                var value = ""
                var j = i + 1
                var closed = false
                while j < characters.count {
                    let d = characters[j]
                    if d == c { closed = true; break }
                    if d == "\\" {
                        guard j + 1 < characters.count else { break }
                        let escaped = characters[j + 1]
                        switch escaped {
                        case "n": value.append("\n")
                        case "t": value.append("\t")
                        case "r": value.append("\r")
                        case "u":
                            guard j + 5 < characters.count, let code = UInt32(String(characters[j + 2...j + 5]), radix: 16),
                                  let scalar = Unicode.Scalar(code) else {
                                throw fail("The escape sequence '\\u' is invalid.", at: j)
                            }
                            value.unicodeScalars.append(scalar)
                            j += 6
                            continue
                        case "\"", "'", "\\", " ": value.append(escaped)
                        default: throw fail("The escape sequence '\\\(escaped)' is invalid.", at: j)
                        }
                        j += 2
                        continue
                    }
                    value.append(d)
                    j += 1
                }
                guard closed else { throw fail("The quoted string '\(value)' has not been completed.", at: start) }
                tokens.append(Token(kind: .quoted(value), position: start + 1, text: String(characters[start...j])))
                i = j + 1
            default:
                var j = i
                while j < characters.count, !characters[j].isWhitespace, !special.contains(characters[j]) { j += 1 }
                let word = String(characters[i..<j])
                let kind: TokenKind = switch word.lowercased() {
                case "and": .and
                case "or": .or
                case "not": .not
                default: .word(word)
                }
                add(kind, length: j - i)
            }
        }
        tokens.append(Token(kind: .end, position: characters.count + 1, text: ""))
        return tokens
    }
}
