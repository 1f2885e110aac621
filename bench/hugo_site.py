"""A Hugo project over a synthetic corpus: front matter and a minimal layout.

The posts keep their Markdown body; their Pelican header (``Key: value``
lines) becomes YAML front matter with the same title, date, category, tags,
slug and summary. The layout is as small as a usable site allows: a base
page, an article page, paginated lists for the home page and each category
and tag, and a list of terms, with the same clean URLs Pelita uses.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

CONFIG = """\
baseURL = "https://kabar.example.go.id/"
languageCode = "id"
title = "Kota Semarang"
timeZone = "Asia/Jakarta"
disableKinds = ["RSS", "sitemap", "robotsTXT"]
paginate = 12
[permalinks]
  posts = "/:section/:slug/"
[taxonomies]
  category = "categories"
  tag = "tags"
"""

LAYOUTS = {
    "_default/baseof.html": (
        '<!doctype html><html lang="id"><head><meta charset="utf-8">'
        "<title>{{ .Title }} | {{ .Site.Title }}</title></head><body>"
        '<header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a></header>'
        '<main>{{ block "main" . }}{{ end }}</main></body></html>'
    ),
    "_default/single.html": (
        '{{ define "main" }}<article><h1>{{ .Title }}</h1>'
        '<time>{{ .Date.Format "2 January 2006" }}</time>{{ .Content }}'
        '<ul>{{ range .Params.tags }}<li><a href="{{ "/tags/" | relURL }}'
        '{{ . | urlize }}/">{{ . }}</a></li>{{ end }}</ul></article>{{ end }}'
    ),
    "_default/list.html": (
        '{{ define "main" }}<h1>{{ .Title }}</h1>'
        "{{ range .Paginator.Pages }}"
        '<article><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>'
        "<p>{{ .Summary }}</p></article>{{ end }}"
        "{{ with .Paginator.Next }}"
        '<a href="{{ .URL }}">Berikutnya</a>{{ end }}{{ end }}'
    ),
    "_default/terms.html": (
        '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms }}'
        '<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a></li>'
        "{{ end }}</ul>{{ end }}"
    ),
}
HEADER_KEYS = {"title", "date", "category", "tags", "slug", "summary"}


def _front_matter(header: dict[str, str]) -> str:
    lines = [
        f"title: {json.dumps(header['title'], ensure_ascii=False)}",
        f"date: {header['date'].replace(' ', 'T')}:00+07:00",
        f"slug: {header['slug']}",
        f"categories: [{json.dumps(header['category'])}]",
        "tags: "
        + json.dumps([tag.strip() for tag in header.get("tags", "").split(",")]),
    ]
    if "summary" in header:
        lines.append(f"summary: {json.dumps(header['summary'], ensure_ascii=False)}")
    return "---\n" + "\n".join(lines) + "\n---\n"


def convert_post(text: str) -> str:
    """A Pelican Markdown post as a Hugo one (YAML front matter, same body)."""
    head, _, rest = text.partition("\n\n")
    header = {}
    for line in head.splitlines():
        key, _, value = line.partition(":")
        if key.strip().lower() in HEADER_KEYS:
            header[key.strip().lower()] = value.strip()
    return _front_matter(header) + "\n" + rest


def write_project(content: Path, project: Path) -> None:
    """(Re)create the Hugo project for the Pelican corpus in ``content``."""
    if project.exists():
        shutil.rmtree(project)
    posts = project / "content" / "posts"
    posts.mkdir(parents=True)
    (project / "config.toml").write_text(CONFIG, encoding="utf-8")
    for name, text in LAYOUTS.items():
        path = project / "layouts" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for folder in ("posts", "imported"):
        for source in sorted((content / folder).rglob("*.md")):
            target = posts / source.name
            target.write_text(convert_post(source.read_text("utf-8")), "utf-8")
    if (content / "images").exists():
        shutil.copytree(content / "images", project / "static" / "images")
