#!/usr/bin/env python3
"""Writes Sources/git-sync-work-items/PrePushHookScript.swift from hooks/pre-push (run by `make hook-script`)."""
import pathlib
root = pathlib.Path(__file__).resolve().parent.parent
text = (root / "hooks/pre-push").read_text()
assert '"""#' not in text and '\\#' not in text
out = ("// Generated from hooks/pre-push by scripts/embed-hook.py (make hook-script); a test keeps them equal.\n"
       "enum PrePushHookScript {\n    static let text = #\"\"\"\n" + text + "\n\"\"\"#\n}\n")
(root / "Sources/git-sync-work-items/PrePushHookScript.swift").write_text(out)
