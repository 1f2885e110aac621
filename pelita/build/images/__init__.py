"""Responsive, privacy-safe images, made at build time from what admins drop in.

Every raster image under the static paths (and every post's ``Image``) is
read once, turned upright by its EXIF orientation, stripped of all metadata
(EXIF, GPS, XMP, comments), and written as WebP variants for ``srcset``, a
clean copy at the original address and a 1200x630 JPEG for link previews.
Outputs are cached by the source's content hash, so a rebuild only encodes
new or changed photos. An admin can add a phone photo as it is.

Post bodies get the same rule on pages (the ``responsive_content`` filter)
and in feeds (:func:`~.plugin.feed_images`): a remote image becomes a link
and a tracking pixel is dropped, so neither a page nor a feed reader
contacts another server.
"""

from .plan import ResponsiveImage, Variant, plan_image
from .plugin import register
from .process import open_upright, render_outputs

__all__ = [
    "ResponsiveImage",
    "Variant",
    "open_upright",
    "plan_image",
    "register",
    "render_outputs",
]
