"""Feed importer: channels' feeds into Markdown posts under content/.

This is the foundation's small offline importer for the bundled demo channels;
the full importer (HTTP, state, sanitizing, identity) replaces it.
"""
