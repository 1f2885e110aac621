"""Channels without a feed: their listing pages and their article pages.

Read with the channel's ``html:`` selectors, with the noise city CMSes
print around an article removed.
"""
