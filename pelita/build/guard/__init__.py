"""The build guard: a broken or unsafe post is held back, the rest is published.

Before Pelican reads a post, the guard runs the validators of ``invoke
check`` over the content tree (one owner for every rule, so the build and
the check say the same words). A post or page with an error is left out of
the build; so is one Pelican cannot read, one whose slug or URL-valued
metadata turns out unsafe as Pelican read it, a static file that is not an
allowed type or is reached through a link, and a post linking to a
held-back post. Everything else is published. At the end the build writes
``held-back.json`` and ``held-back.md`` beside its cache folder
(:mod:`pelita.core.heldback`) and names every held-back file in the log;
``invoke build``/``preview``/``gate``/``deploy`` then end with exit status
3 (:data:`pelita.core.heldback.HELD_BACK_EXIT`) after writing the site.

List it first in ``PLUGINS``: it must take files out before any other
plugin plans or reads them.
"""

from .plugin import register

__all__ = ["register"]
