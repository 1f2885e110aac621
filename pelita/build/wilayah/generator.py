"""Write /kecamatan/, every kecamatan page and every kelurahan page.

Pages go through Pelican's writer, so they are paginated with the site's
``PAGINATION_PATTERNS`` (``/kecamatan/<slug>/2/``), get relative or absolute
URLs like every other page, and reach the sitemap.
"""

from __future__ import annotations

import logging
import math
from typing import Any

from pelican.generators import Generator

from pelita.core.registries import site_channels
from pelita.core.schema import category_roles
from pelita.core.wilayah.svgmap import city_map

from .achievements import register_by_kecamatan
from .pages import AreaPage, WilayahPages, build_pages, jsonld
from .state import STATE_KEY, WilayahState

logger = logging.getLogger(__name__)

TEMPLATES = {
    "index": "kecamatan_index",
    "kecamatan": "kecamatan",
    "kelurahan": "kelurahan",
}
MAP_LEVELS = 4


def map_levels(pages: list[AreaPage]) -> dict[str, int]:
    """Shade class 0-4 per kecamatan code: 0 for no posts, 4 for the most."""
    most = max((len(p.articles) for p in pages), default=0)
    return {
        p.kode: math.ceil(MAP_LEVELS * len(p.articles) / most) if most else 0
        for p in pages
    }


class WilayahGenerator(Generator):
    """Gathers the pages after the articles are read, then writes them."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.state: WilayahState | None = None
        self.pages: WilayahPages | None = None

    def generate_context(self) -> None:
        """Group the site's articles by area; expose them as ``wilayah``."""
        self.state = self.context.get(STATE_KEY)
        if self.state is None:  # no articles generator ran this build
            return
        config = self.state.config
        channels = site_channels(self.settings, who="wilayah").channels
        self.pages = build_pages(
            self.state.areas,
            self.context.get("articles", []),
            channels,
            config["index_url"],
            category_roles(self.settings).achievements,
        )
        if self.settings.get("FEED_ALL_ATOM") and config["feed_atom"]:
            for page in self.pages.kecamatan:
                page.feed_url = config["feed_atom"].format(slug=page.area.slug)
        self.context["wilayah"] = self.pages
        self._allow_pagination(config["per_page"])

    def adopt_awards(self) -> None:
        """Take the achievements from the prestasi plugin's register, if it ran.

        Called once every generator has its context, whatever the order of
        PLUGINS, and before any page (the home page included) is written.
        """
        register = register_by_kecamatan(self.context)
        if self.pages is not None and register is not None:
            self.pages.adopt_register(register)

    def _allow_pagination(self, per_page: int | None) -> None:
        paginated = dict(self.settings["PAGINATED_TEMPLATES"])
        for name in (TEMPLATES["kecamatan"], TEMPLATES["kelurahan"]):
            paginated.setdefault(name, per_page)
        self.settings["PAGINATED_TEMPLATES"] = paginated

    def generate_output(self, writer: Any) -> None:
        """Write the index, the area pages and (when feeds are on) their feeds."""
        if self.pages is None or not self.state.config["pages"]:
            return
        self._write_index(writer)
        for page in self.pages.kecamatan:
            self._write_area(
                writer,
                page,
                TEMPLATES["kecamatan"],
                kecamatan=page,
                achievements_shown=self.state.config["achievements_shown"],
            )
            if page.feed_url:
                writer.write_feed(
                    page.articles,
                    self.context,
                    page.feed_url,
                    feed_title=f"{self.settings['SITENAME']} · {page.label}",
                )
            for kel in page.kelurahan:
                self._write_area(
                    writer, kel, TEMPLATES["kelurahan"], kelurahan=kel, kecamatan=page
                )
        logger.info(
            "wilayah: wrote %d kecamatan and %d kelurahan pages",
            len(self.pages.kecamatan),
            len(self.pages.kelurahan),
        )

    def _write_index(self, writer: Any) -> None:
        config = self.state.config
        # A city without a boundaries file yet gets the list, not a map.
        boundaries = self.state.paths.get("boundaries")
        kec_map = (
            city_map(boundaries, config["map_width"], config["map_tolerance"])
            if boundaries
            else None
        )
        writer.write_file(
            config["index_save_as"],
            self.get_template(TEMPLATES["index"]),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            url=config["index_url"],
            kecamatan_pages=self.pages.kecamatan,
            wilayah_map=kec_map,
            kecamatan_by_kode={p.kode: p for p in self.pages.kecamatan},
            wilayah_map_levels=map_levels(self.pages.kecamatan),
            wilayah_jsonld=self._index_jsonld(),
        )

    def _index_jsonld(self) -> dict[str, Any]:
        siteurl = self.settings.get("SITEURL", "")
        return {
            "@context": "https://schema.org",
            "@type": "ItemList",
            "name": f"Kecamatan di {self.settings.get('CITY', '')}".strip(),
            "itemListElement": [
                {
                    "@type": "ListItem",
                    "position": n,
                    "item": jsonld(page, siteurl, self.settings.get("CITY", "")),
                }
                for n, page in enumerate(self.pages.kecamatan, start=1)
            ],
        }

    def _write_area(
        self, writer: Any, page: AreaPage, template: str, **names: Any
    ) -> None:
        siteurl, city = self.settings.get("SITEURL", ""), self.settings.get("CITY", "")
        writer.write_file(
            page.area.save_as,
            self.get_template(template),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            paginated={"articles": page.articles},
            template_name=template,
            url=page.area.url,
            list_kind=template,
            list_title=page.label,
            articles=page.articles,
            wilayah_jsonld=jsonld(page, siteurl, city),
            **names,
        )
