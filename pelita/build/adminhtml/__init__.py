"""Sanitize the rendered HTML of the posts and pages admins write.

Markdown lets raw HTML through. An admin's ``<iframe>``, ``onclick`` or
``javascript:`` link (pasted from another site, or typed by a hijacked
account) must not reach the public page, so after Pelican renders a hand-
written post or page its HTML is cleaned with nh3 on the site's allow-list
(``pelita.core.htmlsafety.sanitize_admin``): the importer's list plus what
Python-Markdown itself produces (footnote and heading ids, code classes,
table alignment). Imported posts are cleaned by the importer's own, stricter
pass. ``invoke check`` names every piece of raw HTML this step would drop,
before it goes public.
"""

from .plugin import register

__all__ = ["register"]
