// Placeholder so the target builds; replaced by the real module.
enum JiraTrackerPlaceholder {}
