"""HTML safety: the allow-lists and the sanitizers of imported and admin HTML.

``sanitize`` cleans the importer's HTML (the strict list); ``admin`` widens
it by what Python-Markdown itself produces, for posts admins write.
"""
