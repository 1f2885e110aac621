"""A fetched feed document into clean entries.

RSS, Atom and JSON Feed parsing, dates and time zones, HTML cleaning,
Markdown conversion, and which file an entry is (its identity).
"""
