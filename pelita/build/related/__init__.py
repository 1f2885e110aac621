"""Related posts ("Baca juga") among earlier posts, in near-linear time.

Comparing every post with every other is O(n²) and a hub reaches 20,000
posts. Instead an inverted index maps each feature (kecamatan, tag, rare
word, category) to its posts in publication order; each post scores only
the latest earlier posts per feature, so the work is
O(n x features x window) whatever the size of the site. A post's list
depends only on the posts before it: old pages keep their "Baca juga" when
posts are added, and a build scores only the new posts.
"""

from .index import Doc, related_indices, tokens
from .plugin import register

__all__ = ["Doc", "register", "related_indices", "tokens"]
