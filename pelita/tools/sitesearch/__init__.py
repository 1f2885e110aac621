"""Build the Pagefind search index over a built site (not a Pelican plugin).

``invoke build`` and ``invoke preview`` call :func:`build_search_index`
after Pelican: Pagefind reads the written pages (those marked
``data-pagefind-body``: posts and service pages), so the index always
matches what readers see, and the site needs no server to search.
"""

from .pagefind import (
    SearchIndex,
    SearchIndexError,
    build_search_index,
    index_built_site,
)

__all__ = [
    "SearchIndex",
    "SearchIndexError",
    "build_search_index",
    "index_built_site",
]
