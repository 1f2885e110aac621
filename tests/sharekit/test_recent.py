"""/bagikan/'s selection: the kits of the last days, from an injected today."""

import datetime as dt
from zoneinfo import ZoneInfo

from pelita.build.sharekit import Kit, recent_kits

from .kittest import ACHIEVEMENT

WIB = ZoneInfo("Asia/Jakarta")


def kit_on(day: str, hour: int = 10) -> Kit:
    date = dt.datetime.fromisoformat(day).replace(hour=hour, tzinfo=WIB)
    return Kit(ACHIEVEMENT, date, f"prestasi/{day}/", (), "https://wa.me/?text=x")


def test_the_last_30_days_up_to_today_newest_first():
    kits = [kit_on(d) for d in ("2026-10-18", "2026-10-19", "2026-11-01", "2026-11-17")]
    found = recent_kits(kits, dt.date(2026, 11, 17), 30, WIB)
    assert [k.page for k in found] == [
        "prestasi/2026-11-17/", "prestasi/2026-11-01/", "prestasi/2026-10-19/",
    ]  # fmt: skip


def test_the_day_is_counted_in_the_sites_time_zone():
    # 18 October 23.30 WIB is 16.30 UTC: still the 18th, outside the window.
    late = kit_on("2026-10-18", 23).date.replace(minute=30)
    kit = Kit(ACHIEVEMENT, late.astimezone(dt.UTC), "x/", (), "")
    assert recent_kits([kit], dt.date(2026, 11, 17), 30, WIB) == []


def test_posts_dated_after_today_are_listed_too():
    found = recent_kits([kit_on("2026-11-20")], dt.date(2026, 11, 17), 30, WIB)
    assert len(found) == 1
