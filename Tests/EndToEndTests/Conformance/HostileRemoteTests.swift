import Foundation
import Testing

extension Conformance {
    /// Remote text is untrusted everywhere it lands (issue 9): titles, bodies, labels, people's names and server
    /// error messages full of terminal escapes, bidi overrides, NUL, CR, Unicode line separators, path traversal and
    /// YAML. Nothing crashes, nothing raw reaches the terminal, no control byte reaches a file, no file lands outside
    /// the work folder, and a second sync has nothing to do.
    @Suite struct HostileRemote {
        static let titles = [
            "Esc \u{1B}[31mred\u{1B}[0m osc \u{1B}]0;owned\u{07} bell\u{07}",
            "Bidi \u{202E}gnp.exe \u{2066}isolate\u{2069}",
            "Carriage\rreturn",
            "Separators\u{2028}line\u{2029}para\u{85}next",
            "Nul\u{0}byte, C1 \u{9B}31m and del\u{7F}",
            "../../../../etc/passwd",
            "key: value # [a, b] {c: d} &anchor *alias !tag",
            "x\"\nstatus: done\nexternal_id: EVIL-1\n---\n# injected",
        ]

        static let hostileText = "Esc \u{1B}[2J\u{1B}]0;owned\u{07} bidi \u{202E}txt nul\u{0} cr\r c1\u{85}\u{9B} seps\u{2028}\u{2029} ../../x"

        @Test(arguments: allHarnesses)
        func hostileTitlesArePulledSafely(_ tracker: TrackerUnderTest) async throws {
            try await withHarness(tracker) { harness in
                let scene = try Scene(harness)
                try scene.repo.commitAll("configuration")
                let titles = Self.titles.filter { harness.allowsTitle($0) }
                #expect(titles.count >= 4, "most hostile titles are possible in every tracker")
                for title in titles { try await harness.add(harness.inProject(RemoteFields(title: title))) }
                try await expectSafeSyncs(scene, pulling: titles.count)
            }
        }

        @Test(arguments: allHarnesses)
        func hostileBodiesArePulledSafely(_ tracker: TrackerUnderTest) async throws {
            try await withHarness(tracker) { harness in
                let scene = try Scene(harness)
                try scene.repo.commitAll("configuration")
                let body = "## Summary \u{1B}[1m\n\n\(Self.hostileText)\n\n- item \u{202E}\u{0}\n\n```\n\u{1B}]8;;http://x\u{07}\n```\n"
                try await harness.add(harness.inProject(RemoteFields(title: "Hostile body", description: body)))
                try await expectSafeSyncs(scene, pulling: 1)
            }
        }

        @Test(arguments: allHarnesses)
        func hostileLabelsArePulledSafely(_ tracker: TrackerUnderTest) async throws {
            try await withHarness(tracker) { harness in
                let scene = try Scene(harness)
                try scene.repo.commitAll("configuration")
                let labels = ["esc\u{1B}[31m", "bidi\u{202E}x", "nul\u{0}x", "sep\u{2028}x", "c1\u{85}x", "../../x", "yaml:\"]{x}"]
                    .filter { harness.allowsLabel($0) }
                try await harness.add(harness.inProject(RemoteFields(title: "Hostile labels", labels: labels)))
                try await expectSafeSyncs(scene, pulling: 1)
            }
        }

        @Test(arguments: allHarnesses)
        func hostilePeopleArePulledSafely(_ tracker: TrackerUnderTest) async throws {
            try await withHarness(tracker) { harness in
                let scene = try Scene(harness)
                try scene.repo.commitAll("configuration")
                let person = try await harness.addPerson(named: "Eve \u{1B}]0;owned\u{07}\u{202E}\u{2028}x\u{0}y")
                try await harness.add(harness.inProject(RemoteFields(title: "Hostile assignee", assignee: .some(person.remote))))
                try await expectSafeSyncs(scene, pulling: 1)
            }
        }

        @Test(arguments: allHarnesses)
        func aHostileServerMessageIsEscapedOnTheTerminal(_ tracker: TrackerUnderTest) async throws {
            try await withHarness(tracker) { harness in
                let scene = try Scene(harness)
                try scene.repo.write("meta/work/0001-a.md", workItem(id: "0001", title: "Local"))
                try scene.repo.commitAll("items")
                try await harness.failReads(status: 500, count: 50, headers: [:], message: Self.hostileText)
                let before = try scene.repo.snapshot()
                for args in [[], ["--porcelain"], ["--preview"]] {
                    let result = try scene.repo.sync(contentsOf: args)
                    #expect(result.status == 70, "\(args): \(result.output.debugDescription)")
                    #expect(TerminalSafety.rawCharacters(in: result.stdout) == [], "\(args) stdout: \(result.stdout.debugDescription)")
                    #expect(TerminalSafety.rawCharacters(in: result.stderr) == [], "\(args) stderr: \(result.stderr.debugDescription)")
                }
                #expect(try scene.repo.snapshot() == before, "a failed read writes nothing")
            }
        }

        /// Syncs (expecting `count` new local items), then checks the terminal, the files and a second sync.
        private func expectSafeSyncs(_ scene: Scene, pulling count: Int) async throws {
            let first = try scene.repo.sync()
            #expect(first.status == 0, "\(first.output.debugDescription)")
            #expect(TerminalSafety.rawCharacters(in: first.stdout) == [], "stdout: \(first.stdout.debugDescription)")
            #expect(TerminalSafety.rawCharacters(in: first.stderr) == [], "stderr: \(first.stderr.debugDescription)")
            let files = scene.repo.files(under: "meta/work")
            #expect(files.count == count, "\(files)")
            for file in files {
                #expect((try? Regex(#"[0-9]{4}-[a-z0-9-]+\.md"#).wholeMatch(in: file)) != nil, "a slugged file name: \(file.debugDescription)")
            }
            for (path, text) in try writtenFiles(scene) {
                #expect(TerminalSafety.controlCharacters(in: text) == [], "\(path): \(text.debugDescription)")
            }
            #expect(try scene.repo.git("status", "--porcelain", "--untracked-files=all") == "", "only paths the sync owns, committed")

            try await scene.tracker.clearRequests()
            let second = try scene.repo.sync()
            #expect(second.status == 0, "\(second.output.debugDescription)")
            #expect(second.stdout.contains("nothing to do"), "\(second.stdout.debugDescription)")
            #expect(TerminalSafety.rawCharacters(in: second.output) == [], "\(second.output.debugDescription)")
            #expect(try await scene.tracker.remoteWrites() == [])
        }

        /// Every file in the working tree outside `.git`, as text.
        private func writtenFiles(_ scene: Scene) throws -> [(String, String)] {
            let listed = try scene.repo.git("ls-files", "-z", "--cached", "--others")
            return listed.split(separator: "\0").map(String.init).map { ($0, scene.repo.read($0) ?? "") }
        }
    }
}

/// What must never reach a terminal or a file raw.
enum TerminalSafety {
    /// Characters that change what a terminal shows or where a line ends: C0 controls but tab and newline, DEL, C1
    /// controls, Unicode line and paragraph separators, and bidi overrides and isolates.
    static func rawCharacters(in text: String) -> [String] {
        offending(text) { scalar in
            isControl(scalar) || [0x2028, 0x2029].contains(scalar.value) || (0x202A...0x202E).contains(scalar.value)
                || (0x2066...0x2069).contains(scalar.value)
        }
    }

    /// Control bytes in a file: C0 but tab and newline, DEL, C1 (NUL included).
    static func controlCharacters(in text: String) -> [String] { offending(text, isControl) }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\n" && scalar != "\t") || (0x7F...0x9F).contains(scalar.value)
    }

    private static func offending(_ text: String, _ test: (Unicode.Scalar) -> Bool) -> [String] {
        text.unicodeScalars.filter(test).map { String(format: "U+%04X", $0.value) }
    }
}
