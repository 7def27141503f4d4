import Foundation
import JSON
import Trackers

/// How Trello says "not now" and "no": 429 with a JSON body naming the limit it hit
/// (`{"error": "API_TOKEN_LIMIT_EXCEEDED", "message": "Rate limit exceeded"}`, or `API_KEY_LIMIT_EXCEEDED`), and
/// errors as plain text (`invalid id`, `invalid token`) or as JSON with `message`.
enum TrelloResponses {
    /// The limits Trello names in a 429; each means the request was refused, not carried out.
    static let limitNames: Set<String> = ["API_TOKEN_LIMIT_EXCEEDED", "API_KEY_LIMIT_EXCEEDED", "MEMBER_LIMIT_EXCEEDED",
                                          "API_TOKEN_DB_LIMIT_EXCEEDED"]

    /// A 429 naming one of Trello's limits is waited out (Trello sends no Retry-After, so the client backs off);
    /// everything else is read as every tracker's answers are.
    static func classify(_ response: HTTPResponseData) -> RetryVerdict? {
        if response.status == 429, let name = limitName(response.body), limitNames.contains(name) {
            return RetryVerdict(wait: RetryPolicy.serverWait(response), mayHaveTakenEffect: false)
        }
        return RetryPolicy.standardVerdict(response)
    }

    /// `error` of a 429's JSON body.
    static func limitName(_ body: [UInt8]) -> String? {
        (try? JSONValue(parsing: body))?["error"]?.string
    }

    /// One line from an error answer: JSON `message` (and `error`), else the plain text, cut to 200 characters.
    static func errorText(_ body: [UInt8]) -> String? {
        if let json = try? JSONValue(parsing: body), json.object != nil {
            let parts = [json["error"]?.string, json["message"]?.string].compactMap { $0 }.filter { !$0.isEmpty }
            if !parts.isEmpty { return oneLine(parts.joined(separator: ": ")) }
        }
        let text = String(decoding: body.prefix(200), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : oneLine(text)
    }

    /// Remote text in a message: control characters (line breaks, escapes) become spaces.
    static func oneLine(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : $0 }))
    }
}
