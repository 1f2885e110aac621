"""Talking to the network within limits, and the SSRF guard on every connection.

HTTP with bounded decompression, the demo's local files, feed discovery
from a site's address, and polite fetching of web pages.
"""
