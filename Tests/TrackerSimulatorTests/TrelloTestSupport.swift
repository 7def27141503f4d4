import Foundation

extension HTTPAnswer {
    var text: String { String(decoding: body, as: UTF8.self) }
}

extension HTTPAnswer {
    func array<T>(of: T.Type) -> [T] { (json as? [Any])?.compactMap { $0 as? T } ?? [] }
}

extension Sequence {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var out: [T] = []
        for element in self { out.append(try await transform(element)) }
        return out
    }
}
