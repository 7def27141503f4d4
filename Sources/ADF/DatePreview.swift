import Foundation

/// The day a Jira `date` node stands for, shown as the preview of its link form.
enum DatePreview {
    static func text(_ timestamp: String) -> String? {
        guard let milliseconds = Double(timestamp) else { return nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date(timeIntervalSince1970: milliseconds / 1000))
    }
}
