import Foundation
import Trackers

/// The pages after the first of a GitHub listing, from the first page's `Link` header. GitHub names the last page
/// (`rel="last"`, a URL with a `page` number), so every page in between is known at once and can be read
/// concurrently; a listing whose links carry no page number (cursor paging) is followed `rel="next"` by
/// `rel="next"` instead.
enum GitHubPageLinks {
    /// More pages than this (ten million issues) is not a listing to trust; it is followed page by page.
    static let maxPages = 100_000

    /// URLs of pages 2 through the last, built from the `rel="last"` URL exactly as GitHub gave it with only the
    /// page number changed; [] when there is one page; nil when the header names no numbered last page.
    static func remainingPages(in header: String?) -> [String]? {
        guard LinkHeader.url(rel: "next", in: header) != nil else { return [] }
        guard let last = LinkHeader.url(rel: "last", in: header), let components = URLComponents(string: last),
            let items = components.percentEncodedQueryItems,
            let index = items.firstIndex(where: { $0.name == "page" }),
            let lastPage = items[index].value.flatMap(Int.init), lastPage >= 2, lastPage <= maxPages
        else { return nil }
        return (2...lastPage).map { page in
            var pageComponents = components
            var pageItems = items
            pageItems[index].value = String(page)
            pageComponents.percentEncodedQueryItems = pageItems
            return pageComponents.string ?? last
        }
    }
}
