"""``DEPLOY``: where ``invoke deploy`` publishes the checked ``output/``."""

from __future__ import annotations

from ..merge import Option, Setting

_RSYNC = (
    Option("host", "", "the server"),
    Option("user", "", "the SSH user"),
    Option("port", 22, "the SSH port"),
    Option(
        "path",
        "",
        "folder on the server holding `releases/` and the `current` symlink "
        "(the web server's document root is `<path>/current`)",
    ),
    Option("keep_releases", 5, "releases kept for rollbacks (at least 2)"),
    Option("identity_file", "", "SSH private key file (else `PELITA_DEPLOY_SSH_KEY`)"),
    Option(
        "known_hosts_file", "", "known_hosts file (else `PELITA_DEPLOY_KNOWN_HOSTS`)"
    ),
    Option("ssh_options", [], "extra `ssh` options"),
    Option("rsync_options", [], "extra `rsync` options"),
    Option("rsync_path", "", "rsync's path on the server"),
    Option("timeout", 60, "seconds of silence before rsync gives up"),
    Option("lock_wait", 600, "seconds a deploy waits for another one's lock"),
    Option(
        "precompress",
        True,
        "write a gzipped `.gz` copy beside every text file (for nginx "
        "`gzip_static on`, Caddy `precompressed gzip`); the gate checks each; "
        "off only when the server compresses by itself",
    ),
)
_GHPAGES = (
    Option("remote", "origin", "the git remote"),
    Option("branch", "gh-pages", "the branch GitHub Pages serves"),
    Option("cname", "", "the custom domain (`CNAME` file)"),
    Option("message", "Publish site from {sha}", "the commit message"),
    Option("nojekyll", True, "write `.nojekyll`"),
)
_CACHE_CONTROL = (
    Option("html", "public, max-age=300, must-revalidate", "HTML pages"),
    Option("data", "public, max-age=300", "feeds, sitemaps, JSON and CSV"),
    Option("immutable", "public, max-age=31536000, immutable", "hashed files"),
    Option("default", "public, max-age=86400", "everything else"),
)
_S3 = (
    Option("bucket", "", "the bucket (AWS S3, Cloudflare R2, MinIO, ...)"),
    Option("prefix", "", "key prefix inside the bucket"),
    Option("region", "", "the region"),
    Option("endpoint_url", "", "the endpoint of an S3-compatible service"),
    Option("addressing_style", "auto", "auto, virtual or path"),
    Option("max_deletes", 1000, "a deploy deleting more objects stops; -1: no limit"),
    Option("workers", 8, "uploads at once"),
    Option("cache_control", None, "`Cache-Control` by kind of file", _CACHE_CONTROL),
    Option(
        "immutable_patterns",
        [],
        "extra fnmatch patterns (object keys) whose content never changes",
    ),
    Option(
        "gzip",
        True,
        "store text (HTML, CSS, JS, feeds, JSON, SVG) gzipped with "
        "`Content-Encoding: gzip`; off only behind a CDN that compresses",
    ),
)

DEPLOY = Setting(
    "DEPLOY",
    "pelita.tools.deploy",
    "Where `invoke deploy` publishes (set in `publishconf.py`). "
    "`PELITA_DEPLOY_<KEY>` and `PELITA_DEPLOY_<TARGET>_<KEY>` environment "
    "variables override single values; secrets come only from the environment "
    "(`docs/deploy.md`).",
    (
        Option("target", "rsync", "rsync, ghpages or s3"),
        Option(
            "link_check_ignore",
            [],
            'URL patterns (fnmatch, site paths such as "/unduhan/*") the link '
            "check skips",
        ),
        Option(
            "rsync", None, "the rsync target (SSH, releases, atomic switch)", _RSYNC
        ),
        Option("ghpages", None, "the GitHub Pages target", _GHPAGES),
        Option("s3", None, "the S3 target", _S3),
    ),
)
