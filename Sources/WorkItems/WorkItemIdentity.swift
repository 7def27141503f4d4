import Foundation

/// Where a file keeps its local id and its remote key (DESIGN.md "Identity"): current files keep `id` forever and
/// the remote key in `external_id`; older files carry `work_item_id`, numeric until pushed, the remote key after.
public struct WorkItemIdentity: Sendable, Equatable {
    public enum Schema: Sendable, Equatable { case externalID, workItemID }

    public var localID: String?
    public var remoteKey: String?
    public var schema: Schema

    public init(localID: String?, remoteKey: String?, schema: Schema) {
        self.localID = localID
        self.remoteKey = remoteKey
        self.schema = schema
    }

    public init(document: WorkItemDocument) {
        let id = document.scalar("id").flatMap { $0.isEmpty ? nil : $0 }
        let workItemID = document.scalar("work_item_id").flatMap { $0.isEmpty ? nil : $0 }
        let external = document.scalar("external_id").flatMap { $0.isEmpty ? nil : $0 }
        let numeric = workItemID.map(Self.isNumeric) ?? false
        schema = id == nil && workItemID != nil ? .workItemID : .externalID
        localID = id ?? (numeric ? workItemID : nil)
        remoteKey = external ?? (numeric ? nil : workItemID)
    }
}

extension WorkItemDocument {
    /// Records the remote key where this file's schema keeps it.
    /// A file that has an `external_id` key already reads its key from there whatever its schema.
    public mutating func setRemoteKey(_ key: String) {
        switch WorkItemIdentity(document: self).schema {
        case .workItemID where !frontmatterKeys.contains("external_id"): set("work_item_id", to: .string(key))
        default: set("external_id", to: .string(key))
        }
    }
}

public struct IdPatternError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
}

/// `work.id_pattern`: `{number:04d}` (the default), `{number}`, or with a project, `{project}-{number:04d}`.
public struct IdPattern: Sendable, Equatable {
    public let pattern: String
    private let prefix: String
    private let separatorAfterProject: String?
    private let width: Int
    private let suffix: String

    public init(_ pattern: String) throws(IdPatternError) {
        self.pattern = pattern
        guard let numberRange = pattern.range(of: #"\{number(:0?([0-9]+)d)?\}"#, options: .regularExpression) else {
            throw IdPatternError(description: "it must contain {number} or {number:04d}")
        }
        let token = pattern[numberRange]
        width = Int(token.filter(\.isNumber).dropFirst(token.contains(":0") ? 1 : 0)) ?? 0
        var before = String(pattern[..<numberRange.lowerBound])
        suffix = String(pattern[numberRange.upperBound...])
        if let projectRange = before.range(of: "{project}") {
            guard projectRange.lowerBound == before.startIndex else {
                throw IdPatternError(description: "{project} must come first")
            }
            separatorAfterProject = String(before[projectRange.upperBound...])
            before = ""
        } else {
            separatorAfterProject = nil
        }
        prefix = before
        if (prefix + suffix + (separatorAfterProject ?? "")).contains(where: { $0 == "{" || $0 == "}" || $0 == "/" }) {
            throw IdPatternError(description: "only {project} and {number} may appear in braces, and no '/'")
        }
    }

    public func format(number: Int, project: String?) -> String {
        var digits = String(number)
        if digits.count < width { digits = String(repeating: "0", count: width - digits.count) + digits }
        let projectPart = separatorAfterProject.map { (project ?? "") + $0 } ?? ""
        return projectPart + prefix + digits + suffix
    }

    public func number(in id: String) -> Int? {
        var rest = Substring(id)
        if let separator = separatorAfterProject {
            if separator.isEmpty {
                rest = rest.drop { !$0.isNumber }
            } else {
                guard let range = rest.range(of: separator, options: .backwards) else { return nil }
                rest = rest[range.upperBound...]
            }
        }
        if prefix.utf8.allSatisfy({ $0 < 0x80 }) && suffix.utf8.allSatisfy({ $0 < 0x80 }) {
            return asciiAffixedNumber(rest.utf8)
        }
        guard rest.hasPrefix(prefix) else { return nil }
        rest = rest.dropFirst(prefix.count)
        guard rest.hasSuffix(suffix) else { return nil }
        rest = rest.dropLast(suffix.count)
        return parseDigits(rest.utf8)
    }

    /// The number between an ASCII prefix and suffix, compared byte by byte: no character of a UTF-8 text can begin
    /// or end inside an ASCII byte, so this is what the character comparison gives (called for every file of the
    /// work folder on every run).
    private func asciiAffixedNumber(_ bytes: Substring.UTF8View) -> Int? {
        guard bytes.count >= prefix.utf8.count + suffix.utf8.count, bytes.starts(with: prefix.utf8),
            bytes.reversed().starts(with: suffix.utf8.reversed())
        else { return nil }
        return parseDigits(bytes.dropFirst(prefix.utf8.count).dropLast(suffix.utf8.count))
    }

    private func parseDigits(_ s: Substring.UTF8View.SubSequence) -> Int? {
        guard !s.isEmpty, s.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        var value = 0
        for digit in s {
            let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, carry) = shifted.addingReportingOverflow(Int(digit - UInt8(ascii: "0")))
            if overflow || carry { return nil }
            value = sum
        }
        return value
    }

    /// `0051-some-slug.md` → `0051`; `PROJ-0012-some-slug.md` → `PROJ-0012`.
    public func id(inFileName name: String) -> String? {
        let base = name.hasSuffix(".md") ? name.dropLast(3) : Substring(name)
        // Try the shortest prefix of dash-separated parts that is an id of this pattern (without splitting the
        // whole name: at 10,000 files that was 7% of a no-op sync).
        var searchFrom = base.startIndex
        while true {
            let end = base[searchFrom...].firstIndex(of: "-") ?? base.endIndex
            let candidate = String(base[..<end])
            if number(in: candidate) != nil { return candidate }
            guard end < base.endIndex else { return nil }
            searchFrom = base.index(after: end)
        }
    }
}

public enum Slug {
    /// `[a-z0-9-]` only: safe as a file name on every system, no path separators, no dots.
    public static func make(_ title: String, maxLength: Int = 60) -> String {
        // Folding changes nothing in ASCII that the loop below does not do itself (it lowercases), and costs more
        // than the rest of planning a 10,000-item first pull together.
        let folded = title.utf8.allSatisfy { $0 < 0x80 } ? title : folding(title)
        return slug(ofFolded: folded, maxLength: maxLength)
    }

    static func folding(_ title: String) -> String {
        title.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: Locale(identifier: "en_US_POSIX"))
    }

    static func slug(ofFolded folded: String, maxLength: Int) -> String {
        var out: [UInt8] = []
        var pendingDash = false
        for scalar in folded.unicodeScalars {
            guard scalar.isASCII, let byte = Optional(UInt8(scalar.value)), isLetterOrDigit(byte) else {
                pendingDash = true
                continue
            }
            let dash = pendingDash && !out.isEmpty
            if out.count + (dash ? 2 : 1) > maxLength { break }
            if dash { out.append(UInt8(ascii: "-")) }
            pendingDash = false
            out.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte)
        }
        return out.isEmpty ? "untitled" : String(decoding: out, as: UTF8.self)
    }

    private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}

extension WorkItemIdentity {
    static let keys = ["id", "external_id", "work_item_id"]

    /// The identity read straight from the frontmatter text, without a YAML parse: a fast path for files that are
    /// known to be unchanged since they were last parsed. Returns nil whenever the frontmatter is unusual enough that
    /// only a real parse can be trusted (quoting with escapes, flow or block values, continuation lines, quoted or
    /// spaced keys, control characters, duplicates, no frontmatter), so it never disagrees with the parser.
    public static func scan(_ text: String) -> WorkItemIdentity? {
        var fields: [String: String] = [:]
        var sawOpening = false
        var afterIdentityKey = false
        var rest = Substring(text)
        while !rest.isEmpty {
            let line = nextLine(&rest)
            if !sawOpening {
                guard isFence(line.hasBytePrefix("\u{FEFF}") ? line.dropFirst() : line) else { return nil }
                sawOpening = true
                continue
            }
            if isFence(line) { return WorkItemIdentity(fields: fields) }
            if line.hasBytePrefix(" ") || line.hasBytePrefix("\t") {
                // A continuation of the value before it, or something only YAML can read.
                if afterIdentityKey && !line.allSatisfy({ $0 == " " || $0 == "\t" }) { return nil }
                continue
            }
            afterIdentityKey = false
            if line.hasBytePrefix("\"") || line.hasBytePrefix("'") || line.hasBytePrefix("{") || line.hasBytePrefix("?") { return nil }
            for key in keys where line.hasBytePrefix(key) {
                let afterKey = line.utf8.dropFirst(key.utf8.count)
                guard let next = afterKey.first, next == UInt8(ascii: ":") || next == UInt8(ascii: " ") || next == UInt8(ascii: "\t")
                else { continue }
                let afterColon = afterKey.dropFirst()
                guard next == UInt8(ascii: ":"), afterColon.first.map({ $0 == UInt8(ascii: " ") }) ?? true, fields[key] == nil,
                      let value = plainValue(Substring(afterColon))
                else { return nil }
                fields[key] = value
                afterIdentityKey = true
            }
        }
        return nil
    }

    /// The next line without its ending (LF or CRLF, as `DocumentLines` has it).
    private static func nextLine(_ rest: inout Substring) -> Substring {
        guard let lf = rest.utf8.firstIndex(of: DocumentLines.lf) else {
            defer { rest = rest[rest.endIndex...] }
            return rest
        }
        let line = rest[..<lf]
        rest = rest[rest.utf8.index(after: lf)...]
        return line.utf8.last == DocumentLines.cr ? line[..<line.utf8.index(before: line.utf8.endIndex)] : line
    }

    private static func isFence(_ line: Substring) -> Bool {
        line.trimmingCharacters(in: CharacterSet(charactersIn: " \t")) == "---"
    }

    /// The value as YAML reads it, "" for an empty or null value, nil when only a parser can tell.
    private static func plainValue(_ raw: Substring) -> String? {
        if raw.unicodeScalars.contains(where: { $0 == "\t" || FrontmatterRenderer.needsEscape($0) }) { return nil }
        var value = raw.trimmingCharacters(in: CharacterSet(charactersIn: " "))
        if let comment = value.firstByteMatch(of: " #") { value = value[..<comment].trimmingCharacters(in: CharacterSet(charactersIn: " ")) }
        guard let first = value.unicodeScalars.first else { return "" }
        if first == "\"" || first == "'" {
            let inner = value.unicodeScalars.dropFirst().dropLast()
            guard value.unicodeScalars.count >= 2, value.unicodeScalars.last == first, !inner.contains(first), !inner.contains("\\")
            else { return nil }
            return String(String.UnicodeScalarView(inner))
        }
        if "[{|>&*!%@`#-?:,]}".unicodeScalars.contains(first) || value.containsBytes(": ") || value.hasByteSuffix(":") { return nil }
        return ["~", "null", "Null", "NULL"].contains(value) ? "" : value
    }

    private init(fields: [String: String]) {
        let id = fields["id"].flatMap { $0.isEmpty ? nil : $0 }
        let workItemID = fields["work_item_id"].flatMap { $0.isEmpty ? nil : $0 }
        let external = fields["external_id"].flatMap { $0.isEmpty ? nil : $0 }
        let numeric = workItemID.map(Self.isNumeric) ?? false
        schema = id == nil && workItemID != nil ? .workItemID : .externalID
        localID = id ?? (numeric ? workItemID : nil)
        remoteKey = external ?? (numeric ? nil : workItemID)
    }

    /// A never-pushed `work_item_id` is ASCII digits; anything else there is a remote key.
    static func isNumeric(_ value: String) -> Bool {
        !value.isEmpty && value.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }
}
