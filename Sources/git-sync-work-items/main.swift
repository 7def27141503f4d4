print("git-sync-work-items: not yet built")
