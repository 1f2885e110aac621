"""Each channel's health from the registry, the state and the last report."""

import datetime as dt

from pelita.build.kanal import channel_health, counts
from pelita.importer.model import Channel
from pelita.importer.writing.state import ChannelState

NOW = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.UTC)


def channel(ident, **fields):
    return Channel(id=ident, name=fields.pop("name", ident.title()), kind="opd",
                   url=f"https://{ident}.example.go.id/feed/", **fields)  # fmt: skip


def iso(days_ago):
    return (NOW - dt.timedelta(days=days_ago)).isoformat()


def test_failing_then_silent_then_never_fetched_then_healthy_then_disabled():
    channels = [
        channel("baik"),
        channel("mati", enabled=False, note="alamat belum diketahui"),
        channel("sepi"),
        channel("gagal"),
        channel("baru"),
        channel("parah"),
    ]
    states = {
        "baik": ChannelState(last_success=iso(0)),
        "sepi": ChannelState(last_success=iso(0), last_new_entry=iso(45)),
        "gagal": ChannelState(
            last_success=iso(3), consecutive_failures=2, next_attempt=iso(-1),
            last_error="not found (404); check the channel's url",
        ),
        "parah": ChannelState(consecutive_failures=6, last_error="oops: unheard of"),
    }  # fmt: skip
    newest = {"baik": NOW - dt.timedelta(days=2)}
    rows = channel_health(channels, states, {}, newest, now=NOW)
    assert [r.channel.id for r in rows] == ["parah", "gagal", "sepi", "baru", "baik",
                                            "mati"]  # fmt: skip
    assert [r.status for r in rows] == ["gagal", "gagal", "sepi", "belum", "baik",
                                        "nonaktif"]  # fmt: skip
    by_id = {r.channel.id: r for r in rows}
    assert by_id["gagal"].error == (
        "Alamat feed tidak ditemukan (404). Periksa alamat kanal di registri."
    )
    assert by_id["gagal"].error_detail.startswith("not found (404)")
    assert by_id["parah"].error == "Kanal gagal diambil."
    assert by_id["baik"].days_silent == 2
    assert by_id["sepi"].days_silent == 45  # from the state, no post on the site
    assert by_id["sepi"].needs_attention and not by_id["baik"].needs_attention
    assert counts(rows) == {"gagal": 2, "sepi": 1, "belum": 1, "baik": 1, "nonaktif": 1}


def test_silence_is_measured_from_the_newest_post_against_the_setting():
    states = {"a": ChannelState(last_success=iso(0))}
    newest = {"a": NOW - dt.timedelta(days=10)}
    rows = channel_health([channel("a")], states, {}, newest, now=NOW, silent_days=7)
    assert rows[0].status == "sepi"
    rows = channel_health([channel("a")], states, {}, newest, now=NOW, silent_days=30)
    assert rows[0].status == "baik"
    nothing = channel_health([channel("a")], states, {}, {}, now=NOW)
    assert (nothing[0].status, nothing[0].last_post) == ("sepi", None)


def test_the_last_reports_row_travels_with_the_channel():
    report = {"a": {"id": "a", "status": "ok", "image_failures": 3}}
    rows = channel_health([channel("a")], {}, report, {}, now=NOW)
    assert rows[0].last_run["image_failures"] == 3
