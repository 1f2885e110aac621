"""After a run: group the new posts into stories, and write it into them.

The grouping itself is ``pelita.core.stories``; this reads and patches
the imported files.
"""
