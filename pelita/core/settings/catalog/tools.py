"""The settings of the command-line tools: the check, the editor, deploys."""

from __future__ import annotations

from ..merge import Option, Setting

CHECK = Setting(
    "CHECK",
    "pelita.tools.check",
    "`invoke check`: the limits and files it checks posts, images and "
    "registries against.",
    (
        Option(
            "contacts_file",
            "data/kontak-resmi.yml",
            "official service contacts allowed in posts (phone numbers, e-mails)",
        ),
        Option(
            "channel_files",
            ["data/channels.yml", "data/channels.demo.yml"],
            "channel registries checked, every field, as the importer and the "
            "pages read them; a file that does not exist is skipped",
        ),
        Option(
            "future_tolerance_minutes",
            60,
            "a post may be dated this far ahead of the clock",
        ),
        Option("image_warn_bytes", 8 * 1024 * 1024, "a photo above this is a warning"),
        Option("image_max_bytes", 20 * 1024 * 1024, "a photo above this is an error"),
        Option("image_max_pixels", 80_000_000, "largest picture, in pixels"),
        Option("image_min_width", 640, "narrower photos are a warning"),
        Option(
            "imported_media",
            ["images/imported"],
            "where the importer keeps its re-encoded media (not inspected again)",
        ),
    ),
)

EDITOR = Setting(
    "EDITOR",
    "pelita.tools.webeditor",
    "The admins' web editor at `/admin/`: where it signs in and commits "
    "(`docs/editor-setup.md`).",
    (
        Option(
            "backend",
            "github",
            "github, gitea or forgejo: the host of the repository",
        ),
        Option(
            "repo", "", "owner/name of the repository; empty: from `REPOSITORY_URL`"
        ),
        Option(
            "branch",
            "",
            "the branch posts are published to; empty: `REPOSITORY_BRANCH`",
        ),
        Option(
            "base_url",
            "",
            "GitHub: the OAuth proxy that trades the sign-in code for a token; "
            "Gitea/Forgejo: the server's address",
        ),
        Option("auth_endpoint", "", "GitHub: the OAuth proxy's path"),
        Option("app_id", "", "Gitea/Forgejo: the OAuth application's client id"),
        Option(
            "api_root",
            "",
            "Gitea/Forgejo: the API root, e.g. `https://git.example/api/v1`",
        ),
        Option("local_host", "127.0.0.1", "where `invoke admin` serves the editor"),
        Option("local_port", 8081, "and its port"),
        Option(
            "photo_max_bytes",
            None,
            "a photo above this is refused before it is re-encoded; None: "
            "`CHECK['image_max_bytes']`",
        ),
        Option("photo_max_side", 2048, "longest side of a photo after re-encoding"),
        Option("photo_quality", 85, "JPEG quality of re-encoded photos, 1 to 100"),
        Option(
            "require_bundle",
            False,
            "a build without `admin/node_modules` fails instead of skipping "
            "`/admin/` (production builds)",
        ),
    ),
)
