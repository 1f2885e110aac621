"""What a run writes: posts, their metadata header and slugs, state, report.

Files are written atomically and never over an admin's edit; the state
and the report are read by the build and by CI.
"""
