"""The generator that writes the wall, its filters, the data, feed and OPD pages.

Its ``generate_context`` runs after every article handler (wilayah's
inferred kecamatan included) and before any page is written, so the home
page, kecamatan pages and the wall all see the same completed awards.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from pelican.generators import Generator
from pelican.urlwrappers import Category

from pelita.build.buildspeed.listpages import StablePaginator
from pelita.core.htmlsafety import field_text
from pelita.core.prestasi.model import PrestasiError

from .attribution import article_opd, complete_award, display_path, one_per_story
from .opd_pages import build_opd_pages, opd_groups, opd_jsonld
from .register_data import make_row, rows_to_csv, rows_to_json
from .state import BuildState, build_state
from .wall import FACET_TITLES, Wall, build_wall

logger = logging.getLogger(__name__)


class PrestasiGenerator(Generator):
    """Writes ``/prestasi/…``, ``/opd/…``, the CSV/JSON register and the feed."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        per_page = (self.settings.get("PRESTASI") or {}).get("per_page")
        paginated = dict(self.settings.get("PAGINATED_TEMPLATES") or {})
        paginated.setdefault("prestasi", per_page)
        paginated.setdefault("opd", None)
        self.settings["PAGINATED_TEMPLATES"] = paginated
        self.wall: Wall | None = None
        self.opd_pages: list = []

    def _site_url(self) -> str:
        site = str(self.settings.get("SITEURL") or "")
        return site if site.startswith(("http://", "https://")) else ""

    def generate_context(self) -> None:
        """Complete every award, build the wall and OPD pages, share them."""
        state = build_state(self.context, self.settings)
        articles = list(self.context.get("articles") or ())
        opd_of = {id(a): article_opd(a, state) for a in articles}
        awarded = []
        for article in articles:
            award = getattr(article, "prestasi", None)
            if award is not None:
                article.prestasi = article.award = complete_award(
                    article, award, opd_of[id(article)], state
                )
                awarded.append(article)
        awarded = one_per_story(awarded)
        self.wall = self._build_wall(awarded, state)
        self.opd_pages = build_opd_pages(
            state.opd.items, articles, opd_of, state.channels, awarded=awarded,
            patterns=(state.conf["opd_url"], state.conf["opd_save_as"]),
            awards_urls={f.key: f.url for f in self.wall.facets["opd"]},
        )  # fmt: skip
        self._check_collisions(state)
        self._share(awarded, state)

    def _build_wall(self, awarded: list, state: BuildState) -> Wall:
        category = Category(state.conf["category"], self.settings)
        return build_wall(
            awarded, category.save_as, category.url,
            opd_names={o.id: o.nama for o in state.opd.items},
            kecamatan_slugs={k.nama: k.slug for k in state.gazetteer.kecamatan},
            file_names=(state.conf["csv_name"], state.conf["json_name"]),
        )  # fmt: skip

    def _share(self, awarded: list, state: BuildState) -> None:
        wall = self.wall
        self.context.update(
            prestasi_articles=awarded,
            prestasi_terbaru=awarded[: state.conf["latest"]],
            prestasi_wall=wall,
            prestasi_url=wall.url,
            prestasi_feed_url=self._feed_path(state),
            prestasi_by_kecamatan={f.key: f.articles for f in wall.facets["kecamatan"]},
            prestasi_by_opd={f.key: f.articles for f in wall.facets["opd"]},
            opd_pages=self.opd_pages,
            opd_pages_by_id={p.opd.id: p for p in self.opd_pages},
            opd_index_url=state.conf["opd_index_url"],
        )

    def _feed_path(self, state: BuildState) -> str | None:
        if not self.settings.get("FEED_ALL_ATOM"):
            return None
        return state.conf["feed_atom"] or None

    def _planned(self, state: BuildState) -> dict[str, str]:
        """Every file this generator writes, with what it is (for collisions)."""
        planned: dict[str, str] = {}
        per_page = self.settings["PAGINATED_TEMPLATES"]["prestasi"]
        for save_as, url in self.wall.pages():
            per = per_page or self.settings["DEFAULT_PAGINATION"]
            pager = StablePaginator(
                save_as, url, list(self.wall.articles), self.settings, per
            )
            for number in range(pager.archived + 1):
                planned[pager.location(number)[1]] = "the awards wall"
        for page in self.opd_pages:
            planned[page.save_as] = f"the page of OPD {page.opd.id}"
        planned[state.conf["opd_index_save_as"]] = "the OPD index"
        return planned

    def _check_collisions(self, state: BuildState) -> None:
        planned = self._planned(state)
        for content in (self.context.get("generated_content") or {}).values():
            save_as = getattr(content, "save_as", "")
            if save_as in planned:
                raise PrestasiError(
                    f"prestasi: {display_path(content.source_path)} would be "
                    f"written to {save_as}, which is {planned[save_as]}; give the "
                    "post another Slug (or change PRESTASI's URLs)"
                )

    def generate_output(self, writer: Any) -> None:
        """Write the wall and its filters, the data, the feed and the OPD pages."""
        state = build_state(self.context, self.settings)
        self._write_wall(writer)
        self._write_data(state)
        self._write_feed(writer, state)
        self._write_opd(writer, state)

    def _write_page(self, writer: Any, save_as: str, url: str, articles, **kw) -> None:
        writer.write_file(
            save_as, self.get_template(kw.pop("template", "prestasi")), self.context,
            self.settings["RELATIVE_URLS"], paginated={"articles": list(articles)},
            template_name=kw.pop("template_name", "prestasi"), url=url, **kw,
        )  # fmt: skip

    def _write_wall(self, writer: Any) -> None:
        wall = self.wall
        self._write_page(
            writer, wall.save_as, wall.url, wall.articles, prestasi_facet=None,
            facet_titles=FACET_TITLES, list_kind="prestasi",
            list_title="Prestasi & Penghargaan",
        )  # fmt: skip
        for facets in wall.facets.values():
            for facet in facets:
                self._write_page(
                    writer, facet.save_as, facet.url, facet.articles,
                    prestasi_facet=facet, facet_titles=FACET_TITLES,
                    list_kind="prestasi", list_title=_facet_title(facet),
                )  # fmt: skip

    def _write_data(self, state: BuildState) -> None:
        site = self._site_url()
        rows = [
            make_row(
                field_text(a.title),
                a.date,
                f"{site}/{a.url}" if site else f"/{a.url}",
                a.prestasi,
            )
            for a in self.wall.articles
        ]
        files = {
            self.wall.csv_url: rows_to_csv(rows),
            self.wall.json_url: rows_to_json(
                rows, title=f"Prestasi dan penghargaan - {self.settings['SITENAME']}",
                site_url=site, wall_url=f"{site}/{self.wall.url}",
            ),
        }  # fmt: skip
        for name, text in files.items():
            path = os.path.join(self.output_path, name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
            logger.info("prestasi: wrote %s (%d awards)", path, len(rows))

    def _write_feed(self, writer: Any, state: BuildState) -> None:
        path = self._feed_path(state)
        if not path:
            return
        articles = list(self.wall.articles)
        title = "Prestasi & Penghargaan"
        writer.write_feed(articles, self.context, path, feed_title=title)
        category_feed = self.settings.get("CATEGORY_FEED_ATOM")
        if category_feed:
            slug = Category(state.conf["category"], self.settings).slug
            writer.write_feed(
                articles, self.context, str(category_feed).format(slug=slug),
                feed_title=title,
            )  # fmt: skip

    def _write_opd(self, writer: Any, state: BuildState) -> None:
        site, city = self._site_url(), str(self.settings.get("CITY") or "")
        writer.write_file(
            state.conf["opd_index_save_as"], self.get_template("opd_index"),
            self.context, self.settings["RELATIVE_URLS"],
            url=state.conf["opd_index_url"], opd_groups=opd_groups(self.opd_pages),
        )  # fmt: skip
        for page in self.opd_pages:
            self._write_page(
                writer, page.save_as, page.url, page.articles, template="opd",
                template_name="opd", opd_page=page, list_kind="opd",
                list_title=page.opd.nama,
                opd_jsonld=opd_jsonld(page, site, city),
                awards_shown=page.awards[: state.conf["opd_awards"]],
            )  # fmt: skip


def _facet_title(facet: Any) -> str:
    """The heading of a filtered wall, as ``prestasi.html`` writes it."""
    return f"Prestasi {FACET_TITLES[facet.kind].lower()} {facet.label}"
