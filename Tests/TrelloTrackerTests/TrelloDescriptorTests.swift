import Trackers
import XCTest
@testable import TrelloTracker

final class TrelloDescriptorTests: XCTestCase {
    private func settings(_ values: [String: String], token: String? = "T0ken") -> TrackerSettings {
        TrackerSettings(integration: "trello", values: values, token: token, originURL: nil, cacheDirectory: nil)
    }

    func testKeysAreShortLinksAndTheSettingsAreKnown() {
        let d = TrelloDescriptor.descriptor
        XCTAssertEqual(d.integration, "trello")
        XCTAssertTrue(d.keySyntax.matches("aBcD1234"))
        XCTAssertFalse(d.keySyntax.matches("aBcD123"), "seven characters")
        XCTAssertFalse(d.keySyntax.matches("aBcD-234"))
        XCTAssertFalse(d.keySyntax.matches("ENG-12"))
        XCTAssertFalse(d.keySyntax.matches("5e1a7e11c05e1a7e11c00001"), "an id is not a key")
        for key in ["trello.key", "trello.token", "trello.token_cmd", "trello.board_id", "trello.api_url",
                    "trello.status_map.review", "trello.priority_labels.high", "trello.kind_labels.bug", "trello.create_lists"] {
            XCTAssertTrue(d.reads(key), key)
        }
        XCTAssertFalse(d.reads("trello.board"), "a misspelt key is not one Trello reads")
        XCTAssertEqual(d.tokenVariable, "ACCELERATOR_TRELLO_TOKEN")
        XCTAssertEqual(d.tokenEnvironment, ["TRELLO_TOKEN"])
        XCTAssertEqual(d.settingEnvironment["trello.key"], ["TRELLO_API_KEY"])
    }

    func testTheCredentialHostIsTrellosOrTheConfiguredAPIs() {
        let d = TrelloDescriptor.descriptor
        XCTAssertEqual(d.credentialHost(settings([:])), "api.trello.com")
        XCTAssertEqual(d.credentialHost(settings(["trello.api_url": "http://127.0.0.1:4321"])), "127.0.0.1")
    }

    func testMissingOrMalformedSettingsAreOneLineErrorsNamingTheKey() {
        let complete = ["trello.key": "0123456789abcdef0123456789abcdef", "trello.board_id": "EngBoard"]
        func message(_ values: [String: String], token: String? = "T0ken") -> String {
            do {
                _ = try TrelloTracker(settings: settings(values, token: token))
                return "no error"
            } catch {
                XCTAssertFalse(error.description.contains("\n"), error.description)
                if case .configuration = error {} else { XCTFail("\(error) is not a configuration error") }
                return error.description
            }
        }
        XCTAssertTrue(message(complete.filter { $0.key != "trello.key" }).contains("trello.key"))
        XCTAssertTrue(message(complete.filter { $0.key != "trello.board_id" }).contains("trello.board_id"))
        XCTAssertTrue(message(complete, token: nil).contains("ACCELERATOR_TRELLO_TOKEN"))
        XCTAssertTrue(message(complete.merging(["trello.board_id": "https://trello.com/b/EngBoard"]) { $1 }).contains("trello.board_id"))
        XCTAssertTrue(message(complete.merging(["trello.key": "abc\" def"]) { $1 }).contains("trello.key"))
        XCTAssertFalse(message(complete, token: "sec\"ret").contains("sec\"ret"), "the token is never repeated")
        XCTAssertEqual(message(complete), "no error")
        XCTAssertEqual(message(complete.merging(["trello.board_id": "5e1a7e11c05e1a7e11c00001"]) { $1 }), "no error")
    }
}
