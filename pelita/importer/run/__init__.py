"""Running many channels at once: the run, one channel's import, the workers.

Fetching, parsing and writing overlap within the run's limits, and one
broken channel never stops the others.
"""
