"""``IMPORTER``: the feed importer, and the paths the build reads of it.

The build reads the paths too: the channel registry (channel names, the
channels of each area and OPD), the state file and the report (``/kanal/``)
and the content folder (which posts are imported).
"""

from __future__ import annotations

from ..merge import Option, Setting

IMPORTER = Setting(
    "IMPORTER",
    "pelita.importer",
    "The feed importer (`invoke import-feeds`). Paths are relative to the "
    "folder the import runs in (the repository); the command's options "
    "`--channels`, `--content`, `--state`, `--report` and `--summary` "
    "override them.",
    (
        Option("channels_file", "data/channels.yml", "the channel registry"),
        Option(
            "content_dir",
            "content/imported",
            "where imported posts are written, one folder per channel",
        ),
        Option(
            "state_file",
            "data/import-state.json",
            "what each channel's past runs left for the next (committed by CI)",
        ),
        Option(
            "report_file",
            ".cache/import-report.json",
            "the last run's report (JSON), read by the channel health page",
        ),
        Option(
            "summary_file",
            None,
            "the run's summary as a Markdown table (CI job summaries); None "
            "puts `import-summary.md` beside the report",
        ),
        Option(
            "images_dir",
            "images/imported",
            "where downloaded images go, under the content folder",
        ),
        Option("concurrency", 16, "feeds fetched at once"),
        Option("per_host", 2, "requests to one host at once"),
        Option("connect_timeout", 10.0, "seconds to connect"),
        Option("read_timeout", 20.0, "seconds between two reads"),
        Option("deadline", 30.0, "seconds for a whole download"),
        Option("max_bytes", 10 * 1024 * 1024, "largest feed or page, in bytes"),
        Option("max_redirects", 5, "redirects followed"),
        Option(
            "user_agent",
            None,
            "the `User-Agent`; None: `Pelita/<version> (+<REPOSITORY_URL>; ...)`",
        ),
        Option(
            "allow_networks",
            [],
            "networks besides public addresses that fetches may reach, as CIDR "
            'ranges (e.g. `["10.20.0.0/16"]` for an intranet mirror)',
        ),
        Option(
            "local_feeds",
            False,
            "feed files next to the registry instead of URLs (the offline demo only)",
        ),
        Option(
            "backoff_base",
            3600,
            "a failing channel waits `backoff_base * 2**(failures - 1)` seconds",
        ),
        Option("backoff_max", 7 * 24 * 3600, "the longest wait, in seconds"),
        Option(
            "max_entries",
            200,
            "entries taken from one feed per run (newest first)",
        ),
        Option(
            "workers",
            None,
            "processes parsing and converting feeds; None picks by CPU count and load",
        ),
        Option("image_max_bytes", 8 * 1024 * 1024, "largest image downloaded"),
        Option(
            "image_max_pixels",
            40_000_000,
            "largest picture decoded (a decompression bomb declares billions)",
        ),
        Option("image_max_width", 1600, "width of the stored WebP master"),
        Option(
            "group_stories",
            True,
            "group posts of one story across channels (`Story`, `Duplicate_of`); "
            "off leaves them to the admins",
        ),
        Option(
            "story_window_days",
            3,
            "new posts are compared with other channels' posts this many days apart",
        ),
        Option(
            "page_delay",
            1.0,
            "seconds between two requests to one host (channels without a feed)",
        ),
        Option(
            "noise_file",
            "data/html-noise.yml",
            "the general noise rules for article pages (channels without a feed)",
        ),
    ),
)
