"""The card cache: keyed by what a card shows; a hit draws nothing."""

import time
from dataclasses import replace

from pelita.build.sharekit import FORMATS, LINK, PORTRAIT
from pelita.build.sharekit.cards import CardCache, Job, ThumbWidths, card_key

from .kittest import ACHIEVEMENT, PALETTE

WIDTHS = ThumbWidths(360, 200)


def jobs_for(facts, palette=PALETTE):
    fingerprint = palette.fingerprint()
    return [Job(card_key(facts, f, fingerprint, WIDTHS), f, facts) for f in FORMATS]


def test_the_key_follows_what_the_card_shows():
    fingerprint = PALETTE.fingerprint()
    key = card_key(ACHIEVEMENT, PORTRAIT, fingerprint, WIDTHS)
    assert card_key(ACHIEVEMENT, PORTRAIT, fingerprint, WIDTHS) == key
    assert card_key(ACHIEVEMENT, LINK, fingerprint, WIDTHS) != key
    assert (
        card_key(replace(ACHIEVEMENT, title="Lain"), PORTRAIT, fingerprint, WIDTHS)
        != key
    )
    assert card_key(ACHIEVEMENT, PORTRAIT, fingerprint, ThumbWidths(480, 200)) != key
    assert card_key(ACHIEVEMENT, PORTRAIT, fingerprint, ThumbWidths(360, 180)) != key
    recoloured = replace(PALETTE, band="#aa0000").fingerprint()
    assert card_key(ACHIEVEMENT, PORTRAIT, recoloured, WIDTHS) != key
    # Hashtags and the full URL are in the caption, not on the card.
    retagged = replace(ACHIEVEMENT, hashtags=("#Lain",), url="https://lain.example/")
    assert card_key(retagged, PORTRAIT, fingerprint, WIDTHS) == key


def test_a_second_run_draws_nothing_and_rewrites_nothing(tmp_path):
    cache = CardCache(tmp_path, PALETTE, WIDTHS, workers=2)
    assert cache.ensure(jobs_for(ACHIEVEMENT)) == 3
    files = sorted(tmp_path.iterdir())
    assert [f.suffix for f in files].count(".png") == 3
    # Two thumbnails a card: the larger and the smaller (ThumbWidths).
    assert [f.suffix for f in files].count(".webp") == 6
    stamps = {f: f.stat().st_mtime_ns for f in files}
    again = CardCache(tmp_path, PALETTE, WIDTHS, workers=2)
    assert again.ensure(jobs_for(ACHIEVEMENT)) == 0
    assert {f: f.stat().st_mtime_ns for f in sorted(tmp_path.iterdir())} == stamps


def test_a_changed_post_redraws_only_its_cards(tmp_path):
    cache = CardCache(tmp_path, PALETTE, WIDTHS, workers=1)
    cache.ensure(jobs_for(ACHIEVEMENT))
    changed = replace(ACHIEVEMENT, title="Judul yang diperbaiki")
    assert cache.ensure([*jobs_for(ACHIEVEMENT), *jobs_for(changed)]) == 3
    assert not list(tmp_path.glob("*.tmp"))


def test_a_thumbnail_missing_from_the_cache_is_drawn_again(tmp_path):
    cache = CardCache(tmp_path, PALETTE, WIDTHS, workers=1)
    jobs = jobs_for(ACHIEVEMENT)
    cache.ensure(jobs)
    next(tmp_path.glob("*.webp")).unlink()
    assert cache.ensure(jobs) == 1


def test_old_cards_no_post_uses_are_pruned_and_used_ones_kept(tmp_path):
    cache = CardCache(tmp_path, PALETTE, WIDTHS, workers=1)
    used, old = jobs_for(ACHIEVEMENT), jobs_for(replace(ACHIEVEMENT, title="Lama"))
    cache.ensure([*used, *old])
    (tmp_path / f"{used[0].key}.png.123.456.tmp").write_bytes(b"half a card")
    keep = {job.key for job in used}
    assert cache.prune(keep) == 0  # everything is new: kept for other builds
    later = time.time() + 91 * 86_400
    assert cache.prune(keep, now=later) == 10
    assert {p.name.split(".")[0] for p in tmp_path.iterdir()} == keep
    assert not list(tmp_path.glob("*.tmp"))


def test_a_card_drawn_in_a_worker_process_has_the_same_bytes(tmp_path):
    """Many missing cards are drawn in worker processes, which get pickled
    copies of the formats: the drawing must not depend on which copy."""
    from pelita.build.sharekit.model import CardFormat

    job = jobs_for(ACHIEVEMENT)[FORMATS.index(LINK)]
    here = CardCache(tmp_path / "here", PALETTE, WIDTHS, workers=1).draw(job)
    copied = replace(job, format=CardFormat(**vars(LINK)))
    assert copied.format == LINK and copied.format is not LINK
    there = CardCache(tmp_path / "there", PALETTE, WIDTHS, workers=1).draw(copied)
    assert there.image.read_bytes() == here.image.read_bytes()
    assert there.thumb.read_bytes() == here.thumb.read_bytes()
    assert there.thumb_small.read_bytes() == here.thumb_small.read_bytes()


def test_many_missing_cards_drawn_on_every_core_match_one_by_one(tmp_path):
    titles = [f"Prestasi nomor {n}" for n in range(8)]
    jobs = [j for t in titles for j in jobs_for(replace(ACHIEVEMENT, title=t))]
    assert CardCache(tmp_path / "many", PALETTE, WIDTHS, workers=2).ensure(jobs) == 24
    single = CardCache(tmp_path / "one", PALETTE, WIDTHS, workers=1)
    for job in jobs:
        single.draw(job)
    for name in sorted(p.name for p in (tmp_path / "one").iterdir()):
        assert (tmp_path / "many" / name).read_bytes() == (
            tmp_path / "one" / name
        ).read_bytes(), name


def test_each_card_has_a_smaller_thumbnail_for_narrow_slots(tmp_path):
    from PIL import Image

    job = jobs_for(ACHIEVEMENT)[FORMATS.index(PORTRAIT)]
    files = CardCache(tmp_path, PALETTE, WIDTHS, workers=1).draw(job)
    with Image.open(files.thumb) as large, Image.open(files.thumb_small) as small:
        assert large.size == (360, 450)
        assert small.size == (200, 250)
    assert files.thumb_small.stat().st_size < files.thumb.stat().st_size / 2
    files.thumb_small.unlink()
    assert CardCache(tmp_path, PALETTE, WIDTHS, workers=1).ensure([job]) == 1
