import Foundation
import WorkItems

/// The properties the fuzz suite checks on each generated document; failures are collected with the document's
/// index so the test can print the seed that replays them.
struct DocumentPropertyChecker {
    struct Failure {
        var document: Int
        var message: String
    }

    var document = 0
    private(set) var failures: [Failure] = []
    private(set) var parsed = 0
    private(set) var refused = 0
    private(set) var created = 0
    private(set) var byteSequences = 0
    private(set) var unusualLayouts = 0

    static let applyKeys: Set<String> = ["title", "status", "priority", "kind", "assignee", "parent", "tags"]

    // MARK: Documents as people write them

    mutating func checkParsed(_ text: String, generator: inout HostileTextGenerator) {
        let doc: WorkItemDocument
        do { doc = try WorkItemDocument(text: text) } catch {
            refused += 1
            expect(error.line >= 1 && !error.message.isEmpty && !error.message.contains("\n"), "a parse error without a line or on several lines: \(error)", text)
            return
        }
        parsed += 1
        expect(doc.text == text, "parsing changed the text", text)
        expect(!text.utf8.contains(0), "a text with a NUL was accepted", text)
        _ = doc.sections
        try? doc.validate()
        if let scanned = WorkItemIdentity.scan(text) {
            expect(scanned == WorkItemIdentity(document: doc), "the identity scan disagrees with the parser: \(scanned) vs \(WorkItemIdentity(document: doc))", text)
        }
        guard let layout = DocumentLayout(text), layout.keys == doc.frontmatterKeys else {
            unusualLayouts += 1
            return
        }
        expect(doc.preamble + doc.description == layout.body, "preamble and description are not the body", text)
        switch generator.random.below(3) {
        case 0: checkSet(doc, layout: layout, generator: &generator)
        case 1: checkRemoteKey(doc, layout: layout, generator: &generator)
        default: checkApply(doc, layout: layout, content: generator.content())
        }
        var own = doc
        own.apply(doc.localContent(), id: WorkItemIdentity(document: doc).localID ?? "0001")
        expect(own.text == text, "applying a file's own content changed it", text)
    }

    private mutating func checkSet(_ doc: WorkItemDocument, layout: DocumentLayout, generator: inout HostileTextGenerator) {
        let key = generator.random.pick(doc.frontmatterKeys + ["title", "status", "x_added"])
        let value: FrontmatterValue = generator.random.chance(30)
            ? .list((0..<generator.random.below(4)).map { _ in generator.text(pieces: 3, breaks: true) })
            : .string(generator.text(pieces: 5, breaks: true))
        var edited = doc
        edited.set(key, to: value)
        guard let reread = checkEdit(from: doc.text, layout: layout, to: edited, editable: { $0 == .key(key) }, what: "set \(key)") else { return }
        expect(reread.value(key) == value, "set \(key) reads back as \(String(describing: reread.value(key))), not \(value)", doc.text)
    }

    private mutating func checkRemoteKey(_ doc: WorkItemDocument, layout: DocumentLayout, generator: inout HostileTextGenerator) {
        let key = "K-" + generator.text(pieces: 3, breaks: true)
        var edited = doc
        edited.setRemoteKey(key)
        let editable: (DocumentLayout.Part) -> Bool = { $0 == .key("external_id") || $0 == .key("work_item_id") }
        guard let reread = checkEdit(from: doc.text, layout: layout, to: edited, editable: editable, what: "setRemoteKey") else { return }
        expect(WorkItemIdentity(document: reread).remoteKey == key, "the remote key does not read back", doc.text)
    }

    private mutating func checkApply(_ doc: WorkItemDocument, layout: DocumentLayout, content: WorkItemContent) {
        var edited = doc
        edited.apply(content, id: "0001")
        let editable: (DocumentLayout.Part) -> Bool = {
            switch $0 {
            case .key(let name): return Self.applyKeys.contains(name)
            case .heading, .generated, .description: return true
            default: return false
            }
        }
        guard let reread = checkEdit(from: doc.text, layout: layout, to: edited, editable: editable, what: "apply") else { return }
        let got = reread.localContent().normalised(), want = content.normalised()
        expect(got.title == want.title && got.status == want.status && got.priority == want.priority && got.kind == want.kind
            && got.assignee == want.assignee && got.parent == want.parent && got.tags == want.tags,
            "applied fields do not read back: \(got) vs \(want)", doc.text)
        let expected = MarkdownNormaliser.normalise(doc.description) == want.description
            ? want.description : Self.expectedDescription(content.description, blankIsEmpty: true)
        expect(MarkdownNormaliser.normalise(reread.description) == expected,
            "the applied description reads back as \(reread.description.debugDescription), not \(expected.debugDescription)", doc.text)
    }

    /// What an edit may do: change only `editable` lines (blank and comment lines aside), end every line it writes
    /// as the file does, write no NUL and no raw control into a line, and leave text that parses back to itself.
    private mutating func checkEdit(from old: String, layout: DocumentLayout, to edited: WorkItemDocument, editable: (DocumentLayout.Part) -> Bool,
                                    what: String) -> WorkItemDocument? {
        let new = edited.text
        guard let reread = try? WorkItemDocument(text: new) else {
            fail("\(what) left text that does not parse: \(new.debugDescription.prefix(1_500))", old)
            return nil
        }
        expect(reread == edited, "\(what) left a document that differs from the parse of its text", old)
        expect(!new.utf8.contains(0), "\(what) wrote a NUL", old)
        guard let after = DocumentLayout(new) else {
            fail("\(what) left a layout the oracle cannot read: \(new.debugDescription.prefix(1_500))", old)
            return reread
        }
        let kept = layout.kept(excluding: editable), keptAfter = after.kept(excluding: editable)
        expect(kept == keptAfter || Self.endingLastLine(kept, of: layout) == keptAfter,
            "\(what) changed lines it does not own: \(Array(kept.difference(from: keptAfter)).prefix(4))", old)
        checkWrittenLines(old: layout, new: after, what: what, source: old)
        return reread
    }

    private mutating func checkWrittenLines(old: DocumentLayout, new: DocumentLayout, what: String, source: String) {
        var remaining: [String: Int] = [:]
        for line in old.lines { remaining[line, default: 0] += 1 }
        var endings: Set<String> = [old.newline]
        for (line, part) in zip(old.lines, old.parts) where part == .heading || part == .generated { endings.insert(DocumentLayout.ending(line)) }
        let grownLast = Self.endingLastLine([old.lines.last ?? ""], of: old).first
        for (index, (line, part)) in zip(new.lines, new.parts).enumerated() {
            if let left = remaining[line], left > 0 {
                remaining[line] = left - 1
                continue
            }
            // The file's last line, which had no ending, got one so that text could follow it.
            if line == grownLast && DocumentLayout.ending(old.lines.last ?? "").isEmpty { continue }
            let ending = DocumentLayout.ending(line)
            let lastWithoutEnding = ending.isEmpty && index == new.lines.count - 1 && DocumentLayout.ending(old.lines.last ?? "\n").isEmpty
            expect(endings.contains(ending) || lastWithoutEnding, "\(what) wrote a line ending \(ending.debugDescription) into a file of \(old.newline.debugDescription): \(line.debugDescription)", source)
            let scalars = String(decoding: DocumentLayout.content(line), as: UTF8.self).unicodeScalars
            switch part {
            case .key:
                expect(!scalars.contains(where: Self.isUnsafeInFrontmatter), "\(what) wrote a raw control into the frontmatter: \(line.debugDescription)", source)
            case .heading, .generated:
                expect(!scalars.contains(where: Self.isUnsafeInGeneratedLine), "\(what) wrote a raw control into a generated line: \(line.debugDescription)", source)
            default:
                expect(!scalars.contains(where: Self.isUnsafeInBody), "\(what) wrote a raw control into the body: \(line.debugDescription)", source)
            }
        }
    }

    // MARK: New items from a tracker

    mutating func checkNewItem(_ content: WorkItemContent, generator: inout HostileTextGenerator) {
        created += 1
        let id = generator.random.chance(90) ? String(format: "%04d", generator.random.below(10_000)) : generator.text(pieces: 2, breaks: true)
        let author = generator.optional(3)
        let key = "acme/widgets#\(generator.random.below(100_000))"
        let doc = WorkItemDocument.newItem(id: id, content: content, date: "2026-12-01T10:00:00Z", author: author, externalID: key)
        let text = doc.text
        guard let reread = try? WorkItemDocument(text: text) else { return fail("a new item does not parse: \(text.debugDescription.prefix(1_500))", text) }
        expect(reread == doc, "newItem differs from the parse of its own text", text)
        let got = reread.localContent()
        expect(got.title == content.title && got.tags == content.tags && got.status == content.status && got.priority == content.priority
            && got.kind == content.kind && got.assignee == content.assignee && got.parent == content.parent,
            "a new item's fields do not read back: \(got) vs \(content)", text)
        expect(MarkdownNormaliser.normalise(got.description) == Self.expectedDescription(content.description, blankIsEmpty: false),
            "a new item's description reads back as \(got.description.debugDescription)", text)
        expect(WorkItemIdentity(document: reread) == WorkItemIdentity(localID: id.isEmpty ? nil : id, remoteKey: key, schema: .externalID),
            "a new item's identity does not read back", text)
        if let scanned = WorkItemIdentity.scan(text) {
            expect(scanned == WorkItemIdentity(document: reread), "the identity scan disagrees on a new item", text)
        }
        expect(!text.utf8.contains(0), "a new item holds a NUL", text)
        guard let layout = DocumentLayout(text) else { return fail("a new item's layout is unreadable", text) }
        for (line, part) in zip(layout.lines, layout.parts) {
            let scalars = String(decoding: DocumentLayout.content(line), as: UTF8.self).unicodeScalars
            let unsafe: (Unicode.Scalar) -> Bool
            switch part {
            case .key: unsafe = Self.isUnsafeInFrontmatter
            case .heading, .generated: unsafe = Self.isUnsafeInGeneratedLine
            default: unsafe = Self.isUnsafeInBody
            }
            expect(!scalars.contains(where: unsafe), "a new item has a raw control in \(part): \(line.debugDescription)", text)
        }
    }

    // MARK: Bytes that are not UTF-8

    mutating func checkBytes(_ bytes: [UInt8]) {
        byteSequences += 1
        let valid = String(data: Data(bytes), encoding: .utf8) != nil
        do {
            _ = try WorkItemDocument(bytes: bytes)
            expect(valid, "bytes that are not UTF-8 were accepted", String(decoding: bytes, as: UTF8.self))
        } catch {
            guard !valid else { return }
            let source = String(decoding: bytes, as: UTF8.self)
            guard let range = error.message.range(of: #"offset [0-9]+"#, options: .regularExpression),
                  let offset = Int(error.message[range].dropFirst(7)), offset < bytes.count
            else { return fail("the UTF-8 error names no offset: \(error)", source) }
            expect(String(data: Data(bytes[..<offset]), encoding: .utf8) != nil, "the named offset \(offset) is not the first bad byte", source)
            expect(error.line == bytes[..<offset].filter { $0 == 0x0A }.count + 1, "the UTF-8 error names line \(error.line)", source)
        }
    }

    // MARK: Oracles

    /// `lines` with the file's last line given the file's line ending, when it had none and is the last of `lines`.
    static func endingLastLine(_ lines: [String], of layout: DocumentLayout) -> [String] {
        guard let last = layout.lines.last, DocumentLayout.ending(last).isEmpty, lines.last == last else { return lines }
        return lines.dropLast() + [last + layout.newline]
    }

    /// What a description reads back as once written, normalised: from its first `## ` line, or under `## Summary`.
    static func expectedDescription(_ markdown: String, blankIsEmpty: Bool) -> String {
        // Line ends unified on bytes (Foundation's string search treats an LF before a combining mark as one unit).
        let bytes = Array(markdown.utf8)
        var unifiedBytes: [UInt8] = []
        for (index, byte) in bytes.enumerated() {
            if byte != 0x0D { unifiedBytes.append(byte) } else if index + 1 == bytes.count || bytes[index + 1] != 0x0A { unifiedBytes.append(0x0A) }
        }
        let unified = String(decoding: unifiedBytes, as: UTF8.self)
        let lines = DocumentLayout.lines(unified)
        guard let first = lines.first(where: { !DocumentLayout.isBlank($0) }) else { return blankIsEmpty ? "" : "## Summary\n" }
        return MarkdownNormaliser.normalise(first.utf8.starts(with: "## ".utf8) ? unified : "## Summary\n\n" + unified)
    }

    /// C0 and C1 controls, DEL, line and paragraph separators, bidi controls.
    static func isUnsafeInGeneratedLine(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0..<0x20, 0x7F...0x9F, 0x2028, 0x2029, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// What a generated line may not hold, and what YAML cannot hold raw.
    static func isUnsafeInFrontmatter(_ s: Unicode.Scalar) -> Bool {
        isUnsafeInGeneratedLine(s) || s.value == 0xFFFE || s.value == 0xFFFF
    }

    /// A body keeps tabs, separators and bidi text; no other control is written raw.
    static func isUnsafeInBody(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x09: return false
        case 0..<0x20, 0x7F...0x9F: return true
        default: return false
        }
    }

    // MARK: Recording

    private mutating func expect(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String, _ source: String) {
        if !condition() { fail(message(), source) }
    }

    private mutating func fail(_ message: String, _ source: String) {
        guard failures.count < 50 else { return }
        failures.append(Failure(document: document, message: message + "\n  input: " + String(source.debugDescription.prefix(2_000))))
    }
}
