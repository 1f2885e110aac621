"""Writing: atomic, and an admin's edit or deletion is never overwritten."""

from pelita.importer.writing.files import (
    Outcome,
    atomic_write,
    remove_stale_temp_files,
    rewrite,
    write_new,
)
from pelita.importer.writing.metadata import render_document

OLD = render_document([("Title", "A"), ("Slug", "a")], "Isi lama\n")
NEW = render_document([("Title", "A"), ("Slug", "a")], "Isi baru\n")


def test_atomic_write_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "x" / "a.md"
    atomic_write(target, "hello\n")
    atomic_write(target, "again\n")
    assert target.read_text() == "again\n"
    assert [p.name for p in target.parent.iterdir()] == ["a.md"]


def test_stale_temporary_files_are_removed(tmp_path):
    (tmp_path / "c" / "2024").mkdir(parents=True)
    (tmp_path / "c" / "2024" / ".pelita-abc.tmp").write_text("half")
    (tmp_path / "c" / "2024" / "keep.md").write_text("x")
    assert remove_stale_temp_files(tmp_path) == 1
    assert [p.name for p in (tmp_path / "c" / "2024").iterdir()] == ["keep.md"]


def test_changed_entry_updates_an_untouched_file(tmp_path):
    path = tmp_path / "a.md"
    written = write_new(path, OLD, dry_run=False)
    result = rewrite(path, NEW, NEW, written.hash, dry_run=False)
    assert result.outcome == Outcome.UPDATED
    assert "Isi baru" in path.read_text()


def test_unchanged_entry_writes_nothing(tmp_path):
    path = tmp_path / "a.md"
    written = write_new(path, OLD, dry_run=False)
    before = path.stat().st_mtime_ns
    assert rewrite(path, OLD, NEW, written.hash, dry_run=False).outcome == "unchanged"
    assert path.stat().st_mtime_ns == before


def test_admin_edit_is_kept(tmp_path):
    path = tmp_path / "a.md"
    written = write_new(path, OLD, dry_run=False)
    path.write_text(path.read_text().replace("Isi lama", "Isi diperbaiki admin"))
    result = rewrite(path, NEW, NEW, written.hash, dry_run=False)
    assert result.outcome == Outcome.KEPT_ADMIN_EDIT
    assert "edited by hand" in result.note
    assert "Isi diperbaiki admin" in path.read_text()


def test_admin_edit_is_kept_even_when_the_state_is_lost(tmp_path):
    path = tmp_path / "a.md"
    write_new(path, OLD, dry_run=False)
    path.write_text(path.read_text().replace("Isi lama", "Isi diperbaiki admin"))
    assert rewrite(path, NEW, NEW, None, dry_run=False).outcome == "kept_admin_edit"


def test_untouched_file_updates_even_when_the_state_is_lost(tmp_path):
    path = tmp_path / "a.md"
    write_new(path, OLD, dry_run=False)
    assert rewrite(path, NEW, NEW, None, dry_run=False).outcome == "updated"


def test_deleted_file_stays_deleted(tmp_path):
    path = tmp_path / "a.md"
    written = write_new(path, OLD, dry_run=False)
    path.unlink()
    result = rewrite(path, NEW, NEW, written.hash, dry_run=False)
    assert result.outcome == Outcome.KEPT_ADMIN_EDIT
    assert not path.exists()


def test_dry_run_writes_nothing(tmp_path):
    path = tmp_path / "a.md"
    assert write_new(path, OLD, dry_run=True).outcome == "new"
    assert not path.exists()
