import ADF
import ArgumentParser
import Foundation
import JSON

/// Plumbing: converts a description between markdown and Jira's ADF, standard input to standard output, exactly
/// as a sync does.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a description between markdown and Jira's ADF (standard input to standard output).",
        discussion: """
            ADF is written as compact JSON with sorted keys. What ADF cannot hold exactly is reported on standard \
            error, one line each; ADF that markdown has no syntax for is kept in forms that convert back unchanged.
            """
    )

    private static let formats = ["markdown", "adf"]

    @Option(help: "The input format: markdown or adf.")
    var from: String
    @Option(help: "The output format: adf or markdown.")
    var to: String

    func run() throws {
        guard Self.formats.contains(from), Self.formats.contains(to) else {
            throw Self.failure("unknown format '\(Self.formats.contains(from) ? to : from)' (use markdown or adf)", code: 2)
        }
        guard from != to else { throw Self.failure("--from and --to are both \(from): nothing to convert", code: 2) }
        let input = FileHandle.standardInput.readDataToEndOfFile()
        if from == "markdown" {
            guard let markdown = String(data: input, encoding: .utf8) else { throw Self.failure("the input is not UTF-8 text", code: 1) }
            let conversion = ADFConverter.document(fromMarkdown: markdown)
            for notice in conversion.notices { Self.printError("note: \(notice)") }
            FileHandle.standardOutput.write(Data(conversion.document.encoded(keys: .sorted) + Array("\n".utf8)))
        } else {
            let document: JSONValue
            do { document = try JSONValue(parsing: input) } catch { throw Self.failure("the input is not JSON", code: 1) }
            FileHandle.standardOutput.write(Data(ADFConverter.markdown(fromADF: document).utf8))
        }
    }

    private static func failure(_ message: String, code: Int32) -> ExitCode {
        printError(message)
        return ExitCode(code)
    }

    private static func printError(_ message: String) {
        Output.error("convert: " + message)
    }
}
