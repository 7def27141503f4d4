import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The simulator's admin API (`/_simulator/…`) as tests call it: a JSON body in; the status, the JSON answer and its
/// text out.
public struct SimulatorAdminClient: Sendable {
    public struct Answer {
        public let status: Int
        /// The answer parsed as JSON (fragments allowed); nil when it is empty or not JSON.
        public let json: Any?
        public let text: String

        public var succeeded: Bool { (200..<300).contains(status) }
    }

    public let baseURL: String

    public init(baseURL: String) { self.baseURL = baseURL }

    public func send(_ method: String, _ path: String, _ body: Any? = nil) async throws -> Answer {
        var request = URLRequest(url: URL(string: baseURL + path)!)
        request.httpMethod = method
        if let body {
            request.httpBody = try JSONSerialization.data(withJSONObject: body)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        return Answer(status: (response as? HTTPURLResponse)?.statusCode ?? 0,
            json: data.isEmpty ? nil : try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]),
            text: String(decoding: data, as: UTF8.self))
    }
}
