import Foundation

extension ScratchRepo {
    /// `.accelerator/config.md` for the Trello simulator's board EngBoard; the token goes in the environment.
    func configureTrello(simulator: String, key: String, extra: String = "") throws {
        try write(".accelerator/config.md", """
            ---
            work:
              integration: trello
            \(extra)trello:
              key: \(key)
              board_id: EngBoard
              api_url: \(simulator)
            ---
            Team configuration.

            """)
        environment["ACCELERATOR_TRELLO_TOKEN"] = E2E.token
    }
}
