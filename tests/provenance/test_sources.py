from types import SimpleNamespace

from pelita.build.provenance import history_url, provenance_of


def names(value):
    return {"dlh": "Dinas Lingkungan Hidup"}.get(value, value)


def test_history_url_points_at_the_file_in_the_repository():
    url = history_url(
        "https://github.com/kota/pelita/", "main", "content", "posts/2025/a b.md"
    )
    assert (
        url == "https://github.com/kota/pelita/commits/main/content/posts/2025/a%20b.md"
    )


def test_no_history_for_untracked_files_or_without_a_repository():
    assert history_url("https://x", "main", "content", "demo/a.md", ["demo/"]) is None
    assert history_url(None, "main", "content", "posts/a.md") is None


def test_no_history_for_a_page_the_build_makes_outside_the_content():
    made = "../.cache/pelican/aboutpage/tentang.md"
    assert history_url("https://x", "main", "content", made) is None


def test_imported_post_names_the_channel_and_links_the_original():
    info = SimpleNamespace(
        name="Warta Semarang", kind="media", url="https://warta.example.id"
    )
    post = SimpleNamespace(
        source="https://warta.example.id/a", channel="warta", channel_info=info
    )
    found = provenance_of(post, names, "h")
    assert (found.source_name, found.source_url, found.history_url) == (
        "Warta Semarang",
        "https://warta.example.id/a",
        "h",
    )


def test_without_channel_info_the_registry_names_the_channel():
    post = SimpleNamespace(source="https://warta.example.id/a", channel="warta")
    registry = {"warta": "Warta Semarang"}
    assert provenance_of(post, names, None, registry).source_name == "Warta Semarang"
    assert provenance_of(post, names, None).source_name == "warta"


def test_hand_written_posts_name_their_opd_or_author():
    assert provenance_of(SimpleNamespace(opd="dlh"), names, None).source_name == (
        "Dinas Lingkungan Hidup"
    )
    written = provenance_of(SimpleNamespace(author="Pemkot"), names, None)
    assert (written.source_name, written.source_url) == ("Pemkot", None)


def test_a_source_that_is_not_a_web_address_is_not_linked():
    post = SimpleNamespace(source="javascript:alert(1)", channel="x")
    assert provenance_of(post, names, None).source_url is None


def test_channel_names_come_from_the_importer_registry(tmp_path):
    from pelita.build.provenance.plugin import channel_names

    registry = tmp_path / "channels.yml"
    registry.write_text(
        "channels:\n  - {id: kel-kandri, name: Kelurahan Kandri, kind: media,"
        " url: 'https://kandri.example/feed/'}\n"
        "  - id: tanpa-nama\n",
        encoding="utf-8",
    )
    settings = {"IMPORTER": {"channels_file": str(registry)}}
    assert channel_names(settings) == {"kel-kandri": "Kelurahan Kandri"}
    assert channel_names({"IMPORTER": {"channels_file": str(tmp_path / "x")}}) == {}
    registry.write_text("channels: [", encoding="utf-8")
    assert channel_names(settings) == {}
