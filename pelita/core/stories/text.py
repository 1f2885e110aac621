"""Words, dates and numbered labels of Indonesian news text.

What two reports of one story share is mostly names, numbers and a few
content words, in different sentences: the words are lower-cased, stripped
of the common affixes (so "perekaman", "merekam" and "direkam" meet at
"rekam") and of the function words that every text has. Dates of the event
("Selasa (4/3/2025)", "10 hingga 14 Juni") and numbered labels ("RW 03",
"tahap kedua", "angkatan II") are read separately: two posts that name
different ones report different events, however alike their wording.
"""

from __future__ import annotations

import hashlib
import re
import sys
import unicodedata
from array import array
from collections.abc import Iterable
from functools import lru_cache

_WORD = re.compile(r"[a-z0-9]+(?:[-.,/][a-z0-9]+)*")
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff]")
_DIGIT = re.compile(r"\d")
_SPLIT_NUMBER = re.compile(r"[.,](?=\d{3}\b)")

# Function words, and words every post of a city hub carries (the city's
# own name is added from the CITY setting, see ``features``).
_STOPWORD_TEXT = """
    ada adalah agar akan akhir aku anda antara antar apa apabila atas atau
    bagi bahkan bahwa baik banyak baru bawah beberapa begitu belum berada
    berbagai bersama besar bila bisa boleh buah bukan cukup dalam dan dapat
    dari demi depan di dia diri dua empat guna hal hampir hanya harus hingga
    ia ialah ini itu jadi jika juga kali kalau kami kamis kapan karena kata
    ke kemudian kepada ketika kini kita kurang lagi lain lalu lama lebih
    lewat luar maka mana masih masing melalui menjadi menurut mereka meski
    milik mulai namun nya oleh orang pada para per perlu pihak pula pun
    rabu saat saja salah sama sampai sang satu saya se sebagai sebelum
    sebuah sedang sejak sekitar selama selasa seluruh semua senin sebanyak
    sendiri sepanjang seperti serta setelah setiap sudah supaya tak tanpa
    tapi telah tengah tentang terhadap tersebut tetap tidak tiga tiap
    untuk usai waktu yakni yang jumat sabtu minggu
    januari februari maret april mei juni juli agustus september oktober
    november desember jan feb mar apr jun jul agu ags sep okt nov des
    kota pemkot pemerintah kabupaten provinsi
    wib wita wit pukul jam tahun bulan pekan hari tanggal rp ribu juta
    sebut ujar katanya tutur jelas mengatakan menyebut menambahkan
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
_PREFIXES = ("meng", "meny", "mem", "men", "me", "peng", "peny", "pem", "pen",
             "pe", "ber", "be", "ter", "di", "ke", "se")  # fmt: skip
_SUFFIXES = ("kannya", "annya", "nya", "lah", "kah", "kan", "an", "i")
_MIN_STEM = 4

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "pebruari": 2, "maret": 3,
    "mar": 3, "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7,
    "jul": 7, "agustus": 8, "agu": 8, "ags": 8, "agt": 8, "september": 9,
    "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11,
    "nopember": 11, "desember": 12, "des": 12,
}  # fmt: skip
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_RANGE_JOIN = r"\s*(?:-|\u2013|\u2014|s\.?d\.?|sampai(?:\s+dengan)?|hingga|dan)\s*"
_DAY_MONTH = re.compile(
    rf"\b(\d{{1,2}})(?:{_RANGE_JOIN}(\d{{1,2}}))?\s+({_MONTH})\b", re.IGNORECASE
)
# "4/3/2025", or "(4/3)" in parentheses as news writes it; "24/7" is no date.
_NUMERIC_DATE = re.compile(
    r"\b(\d{1,2})/(\d{1,2})/(?:\d{4}|\d{2})\b|\((\d{1,2})/(\d{1,2})\)"
)

_ORDINALS = {
    "pertama": 1, "kesatu": 1, "kedua": 2, "ketiga": 3, "keempat": 4,
    "kelima": 5, "keenam": 6, "ketujuh": 7, "kedelapan": 8, "kesembilan": 9,
    "kesepuluh": 10, "i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6,
    "vii": 7, "viii": 8, "ix": 9, "x": 10,
}  # fmt: skip
_ORDINAL = "|".join(sorted(_ORDINALS, key=len, reverse=True))
# "RW 03", "tahap kedua", "angkatan II"; weeks only as "pekan ke-3" ("Minggu
# 8 November" is a Sunday).
LABELS = ("rw", "rt", "angkatan", "tahap", "gelombang", "koridor", "sesi",
          "putaran", "babak", "edisi", "jilid", "batch")  # fmt: skip
_LABELLED = re.compile(
    rf"\b(?:({'|'.join(LABELS)})\.?\s+(?:ke-?\s*)?|(pekan|minggu)\s+ke-?\s*)"
    rf"(\d{{1,3}}|{_ORDINAL})\b",
    re.IGNORECASE,
)


def fold(text: str) -> str:
    """Lower-case ASCII-ish text: accents, typographic dashes and quotes folded."""
    if not text.isascii():
        text = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
        text = text.replace("\u2013", "-").replace("\u2014", "-")
    return text.casefold()


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A light Indonesian stem: particles, suffixes and prefixes off.

    Conservative on purpose: it only cuts while at least four letters stay,
    and never touches numbers, so names survive whole. Cached: a language
    has far fewer words than a grouping pass reads.
    """
    if len(word) <= _MIN_STEM + 1 or not word.isalpha():
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
            word = word[: -len(suffix)]
            break
    for prefix in _PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= _MIN_STEM:
            return word[len(prefix) :]
    return word


def _number(token: str) -> str:
    """``38.000`` -> ``38000``; ``rp4.000`` -> ``4000``; times stay (``08.00``)."""
    token = token.removeprefix("rp")
    return _SPLIT_NUMBER.sub("", token)


def words(text: str) -> list[str]:
    """Every word of ``text``, folded (for copies and shingles)."""
    return _WORD.findall(fold(text))


def terms(text: str, ignore: frozenset[str] = frozenset()) -> list[str]:
    """Content terms: stemmed words without function words; numbers normalized.

    ``ignore`` adds words to leave out (the city's own name).
    """
    return terms_of(words(text), ignore)


def terms_of(folded: list[str], ignore: frozenset[str] = frozenset()) -> list[str]:
    """``terms`` of words already split by ``words``.

    A text repeats its words, and a grouping pass reads thousands of texts
    over one small vocabulary, so each word's terms are worked out once per
    ``ignore`` set (``word_terms``) and looked up after that.
    """
    found: list[str] = []
    for word in folded:
        found.extend(word_terms(word, ignore))
    return found


@lru_cache(maxsize=400_000)
def word_terms(word: str, ignore: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The terms one folded word gives: none, a number, or its stemmed parts."""
    if word in STOPWORDS or word in ignore or len(word) < 2:
        return ()
    if not word.isalpha() and _DIGIT.search(word):
        return (sys.intern(_number(word)),)
    return tuple(
        sys.intern(stem(part))
        for part in word.split("-")
        if part and part not in STOPWORDS and part not in ignore and len(part) > 1
    )


def words_digest(folded: list[str]) -> str:
    """SHA-256 of the words alone: the same text whatever its markup or spacing."""
    return hashlib.sha256(" ".join(folded).encode("utf-8")).hexdigest()


def shingles(tokens: Iterable[str], size: int = 4) -> bytes:
    """Hashes of every run of ``size`` consecutive words, packed.

    Sorted, unique, 64-bit, as bytes: eight bytes a run instead of a Python
    int in a set (a grouping pass holds thousands of posts). ``unpack``
    gives the set back.
    """
    seq = list(tokens)
    runs = [tuple(seq[i : i + size]) for i in range(max(len(seq) - size + 1, 1))]
    return pack({hash(run) for run in runs if run})


def pack(hashes: Iterable[int]) -> bytes:
    """Hashes sorted, unique and packed as 64-bit integers (``unpack`` reverses)."""
    return array("q", sorted(set(hashes))).tobytes()


def unpack(packed: bytes) -> set[int]:
    """The shingle hashes ``shingles`` packed."""
    values = array("q")
    values.frombytes(packed)
    return set(values)


def _day_month(day: str, month: int) -> tuple[int, int] | None:
    value = int(day)
    return (value, month) if 1 <= value <= 31 else None


def event_dates(text: str) -> frozenset[tuple[int, int]]:
    """Day and month of every date the text names (a range gives every day)."""
    found: set[tuple[int, int]] = set()
    for match in _DAY_MONTH.finditer(text):
        month = MONTHS[match.group(3).lower()]
        first, last = match.group(1), match.group(2)
        start = int(first)
        end = int(last) if last and int(last) >= start else start
        for day in range(start, min(end, start + 31) + 1):
            pair = _day_month(str(day), month)
            if pair:
                found.add(pair)
    for match in _NUMERIC_DATE.finditer(text):
        day = match.group(1) or match.group(3)
        month = int(match.group(2) or match.group(4))
        if 1 <= month <= 12:
            pair = _day_month(day, month)
            if pair:
                found.add(pair)
    return frozenset(found)


def numbered_labels(text: str) -> dict[str, frozenset[int]]:
    """``RW 03``, ``tahap kedua``, ``angkatan II``: label -> numbers named."""
    found: dict[str, set[int]] = {}
    for match in _LABELLED.finditer(text):
        label = (match.group(1) or "pekan").lower()
        value = match.group(3).lower()
        number = int(value) if value.isdigit() else _ORDINALS[value]
        found.setdefault(label, set()).add(number)
    return {label: frozenset(numbers) for label, numbers in found.items()}
