"""An entry's images: fetched, decoded in worker processes, stored as WebP.

A hostile image can crash only a worker; a channel with ``images: remote``
keeps its images' addresses instead.
"""
