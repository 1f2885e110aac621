"""``invoke channel-add``: from a site's address to a checked registry entry.

Probe the address, guess an HTML channel's selectors, ask (or take from
flags) the entry's fields, and append the entry to the registry as text.
"""
