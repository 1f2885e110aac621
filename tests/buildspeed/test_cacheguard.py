from pathlib import Path
from types import SimpleNamespace

from pelita.build.buildspeed.cacheguard import guard_content_cache


def _guard(cache: Path, plugins: Path, **settings) -> bool:
    """Run the guard over a cache holding one generator file; is it kept?"""
    cached = cache / "ArticlesGenerator-Readers"
    if not cached.exists():
        cached.write_bytes(b"cached posts")
    merged = {
        "CACHE_PATH": str(cache),
        "CACHE_CONTENT": True,
        "LOAD_CONTENT_CACHE": True,
        "PLUGIN_PATHS": [str(plugins)],
        "TIMEZONE": "Asia/Jakarta",
        **settings,
    }
    guard_content_cache(SimpleNamespace(settings=merged))
    return cached.exists()


def test_the_content_cache_is_dropped_when_settings_or_plugins_change(tmp_path):
    cache, plugins = tmp_path / "cache", tmp_path / "plugins"
    cache.mkdir()
    plugins.mkdir()
    (plugins / "tagger.py").write_text("RULES = 1\n", "utf-8")
    assert not _guard(cache, plugins)  # no stamp yet: a cache of unknown make
    assert _guard(cache, plugins)
    assert _guard(cache, plugins, OUTPUT_PATH="elsewhere")  # where, not what
    assert not _guard(cache, plugins, TIMEZONE="Asia/Makassar")
    assert not _guard(cache, plugins)
    (plugins / "tagger.py").write_text("RULES = 2\n", "utf-8")
    assert not _guard(cache, plugins)
    assert _guard(cache, plugins)


def test_a_build_without_the_content_cache_leaves_it_alone(tmp_path):
    cached = tmp_path / "ArticlesGenerator-Readers"
    cached.write_bytes(b"cached posts")
    settings = {"CACHE_PATH": str(tmp_path), "CACHE_CONTENT": False}
    guard_content_cache(SimpleNamespace(settings=settings))
    assert cached.exists()
    assert not (tmp_path / "buildspeed-content-cache.stamp").exists()
