"""Draw the kecamatan boundaries as SVG paths at build time.

No tiles, no map library: the GeoJSON in ``data/`` is projected (a local
equirectangular projection, fine at city scale), simplified with
Douglas-Peucker, rounded to whole units and written as compact relative
path commands. The template turns each shape into a link.
"""

from __future__ import annotations

import functools
import itertools
import json
import math
from dataclasses import dataclass
from pathlib import Path

from .errors import WilayahError

Point = tuple[float, float]
PADDING = 4


@dataclass(frozen=True)
class MapShape:
    """One kecamatan on the map: its path and where its number goes."""

    kode: str
    nama: str
    d: str
    label_x: int
    label_y: int


@dataclass(frozen=True)
class CityMap:
    """All shapes and the ``viewBox`` they share."""

    width: int
    height: int
    shapes: tuple[MapShape, ...]

    @property
    def view_box(self) -> str:
        """The SVG ``viewBox`` attribute value."""
        return f"0 0 {self.width} {self.height}"


def _segment_distance(p: Point, a: Point, b: Point) -> float:
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    length = dx * dx + dy * dy
    t = (
        0.0
        if length == 0
        else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length))
    )
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


def simplify(points: list[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker: drop points closer than ``tolerance`` to the line kept."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        far, far_at = 0.0, -1
        for i in range(first + 1, last):
            distance = _segment_distance(points[i], points[first], points[last])
            if distance > far:
                far, far_at = distance, i
        if far > tolerance:
            keep[far_at] = True
            stack.extend(((first, far_at), (far_at, last)))
    return [p for p, kept in zip(points, keep, strict=True) if kept]


def _path(ring: list[tuple[int, int]]) -> str:
    (x0, y0), parts = ring[0], []
    for (ax, ay), (bx, by) in itertools.pairwise(ring):
        if (ax, ay) != (bx, by):
            parts.append(f"{bx - ax} {by - ay}".replace(" -", "-"))
    return f"M{x0} {y0}l" + " ".join(parts).replace(" -", "-") + "z"


def _inside(x: float, y: float, ring: list[Point]) -> bool:
    inside = False
    for (ax, ay), (bx, by) in itertools.pairwise(ring):
        if (ay > y) != (by > y) and x < ax + (y - ay) * (bx - ax) / (by - ay):
            inside = not inside
    return inside


def label_point(ring: list[Point], steps: int = 24) -> Point:
    """A point well inside the ring (the grid point farthest from its edges)."""
    xs, ys = [p[0] for p in ring], [p[1] for p in ring]
    best, best_depth = (sum(xs) / len(xs), sum(ys) / len(ys)), -1.0
    for i in range(1, steps):
        for j in range(1, steps):
            x = min(xs) + (max(xs) - min(xs)) * i / steps
            y = min(ys) + (max(ys) - min(ys)) * j / steps
            if not _inside(x, y, ring):
                continue
            depth = _depth_beyond((x, y), ring, best_depth)
            if depth is not None:
                best, best_depth = (x, y), depth
    return best


def _depth_beyond(point: Point, ring: list[Point], floor: float) -> float | None:
    """The point's distance to the ring's edges if it exceeds ``floor``, else None.

    Stops at the first edge within ``floor``: most grid points are ruled out
    after a few edges instead of all of them (same result as a full ``min``).
    """
    depth = math.inf
    for a, b in itertools.pairwise(ring):
        distance = _segment_distance(point, a, b)
        if distance <= floor:
            return None
        depth = min(depth, distance)
    return depth


def _rings(geometry: dict) -> list[list[Point]]:
    """Outer rings only: the city's kecamatan have no holes worth drawing."""
    kind, coords = geometry.get("type"), geometry.get("coordinates") or []
    polygons = (
        [coords] if kind == "Polygon" else coords if kind == "MultiPolygon" else []
    )
    return [
        [(float(x), float(y)) for x, y, *_ in polygon[0]]
        for polygon in polygons
        if polygon
    ]


def _area(ring: list[Point]) -> float:
    return (
        abs(sum(ax * by - bx * ay for (ax, ay), (bx, by) in itertools.pairwise(ring)))
        / 2
    )


def _read_features(path: Path) -> list[tuple[str, str, list[list[Point]]]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise WilayahError(
            f"{path}: cannot read the kecamatan boundaries: {exc}"
        ) from exc
    features = []
    for number, feature in enumerate(data.get("features") or [], start=1):
        props = feature.get("properties") or {}
        if not props.get("kode") or not _rings(feature.get("geometry") or {}):
            raise WilayahError(
                f"{path}: feature {number} needs properties.kode and a polygon"
            )
        features.append(
            (props["kode"], props.get("nama", ""), _rings(feature["geometry"]))
        )
    return features


@functools.cache
def _city_map(path: Path, mtime_ns: int, width: int, tolerance: float) -> CityMap:
    features = _read_features(path)
    points = [p for _, _, rings in features for ring in rings for p in ring]
    lon0, lon1 = min(p[0] for p in points), max(p[0] for p in points)
    lat0, lat1 = min(p[1] for p in points), max(p[1] for p in points)
    squeeze = math.cos(math.radians((lat0 + lat1) / 2))
    scale = (width - 2 * PADDING) / ((lon1 - lon0) * squeeze)

    def project(p: Point) -> Point:
        return (
            (p[0] - lon0) * squeeze * scale + PADDING,
            (lat1 - p[1]) * scale + PADDING,
        )

    shapes = []
    for kode, nama, rings in features:
        drawn = []
        for ring in rings:
            simple = simplify([project(p) for p in ring], tolerance)
            rounded = [(round(x), round(y)) for x, y in simple]
            if len(set(rounded)) >= 3:
                drawn.append((simple, rounded))
        largest = max(drawn, key=lambda pair: _area(pair[0]))[0]
        x, y = label_point(largest)
        d = "".join(_path(rounded) for _, rounded in drawn)
        shapes.append(MapShape(kode, nama, d, round(x), round(y)))
    height = round((lat1 - lat0) * scale) + 2 * PADDING
    return CityMap(width, height, tuple(shapes))


def city_map(path: Path, width: int = 600, tolerance: float = 0.9) -> CityMap:
    """The projected, simplified map of ``path`` (cached until the file changes)."""
    path = Path(path)
    try:
        mtime = path.stat().st_mtime_ns
    except FileNotFoundError as exc:
        raise WilayahError(
            f"{path}: boundaries file not found; give REGISTRIES['boundaries'] "
            "the GeoJSON of the kecamatan, or None for a city without one yet "
            "(no map on /kecamatan/)"
        ) from exc
    return _city_map(path, mtime, int(width), float(tolerance))
