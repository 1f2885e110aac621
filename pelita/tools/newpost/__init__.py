"""``invoke new-post``: ask for a post's metadata and write its Markdown file."""
