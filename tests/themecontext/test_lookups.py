"""Names and links of kecamatan and OPDs, with and without their pages."""

from pelita.build.themecontext.plugin import Lookups


def lookups(*plugins):
    return Lookups({"PLUGINS": list(plugins), "SEARCH_URL": "cari/"})


def test_without_their_plugins_places_and_opds_link_to_search():
    found = lookups("i18n", "themecontext")
    assert found.kecamatan_url("Semarang Utara") == "cari/?kecamatan=Semarang%20Utara"
    assert found.opd_url("dlh") == "cari/?opd=Dinas%20Lingkungan%20Hidup"
    assert found.kecamatan_url("") is None


def test_with_their_plugins_links_go_to_their_pages():
    found = lookups("prestasi", "wilayah", "themecontext")
    assert found.kecamatan_url("gunung pati") == "kecamatan/gunungpati/"
    assert found.kecamatan_url("Semarang Utara") == "kecamatan/semarang-utara/"
    assert found.opd_url("DLH") == "opd/dlh/"


def test_opd_names():
    found = lookups()
    assert found.opd_name("dlh") == "Dinas Lingkungan Hidup"
    assert found.opd_name("tidak-terdaftar") == "tidak-terdaftar"
    assert found.opd_name(None) == ""
