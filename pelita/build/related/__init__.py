"""Related posts ("Baca juga") by kecamatan, topics and words in near-linear time.

Comparing every post with every other is O(n²) and a hub reaches 20,000
posts. Instead an inverted index maps each feature (kecamatan, tag, rare
word, category) to its posts ordered by date; each post scores only a
bounded window of candidates per feature, so the work is
O(n x features x window) whatever the size of the site.
"""

from .index import Doc, related_indices, tokens
from .plugin import register

__all__ = ["Doc", "register", "related_indices", "tokens"]
