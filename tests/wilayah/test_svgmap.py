"""The build-time map: projected, simplified, small, one shape per kecamatan."""

import json

import pytest

from pelita.core.wilayah.errors import WilayahError
from pelita.core.wilayah.svgmap import _inside, city_map, label_point, simplify

from .conftest import PATHS


def test_simplify_keeps_corners_and_drops_near_straight_points():
    line = [(0, 0), (1, 0.1), (2, -0.1), (3, 0), (3, 3), (0, 0)]
    assert simplify(line, 0.5) == [(0, 0), (3, 0), (3, 3), (0, 0)]
    assert simplify(line, 0.01) == line


def test_the_city_map(gazetteer):
    city = city_map(PATHS["boundaries"])
    assert city.view_box.startswith("0 0 600 ")
    assert [s.kode for s in city.shapes] == [k.kode for k in gazetteer.kecamatan]
    total = sum(len(s.d) for s in city.shapes)
    assert total < 12_000  # paths only; the whole inline SVG stays under 25 KB
    for shape in city.shapes:
        assert shape.d.startswith("M") and shape.d.endswith("z")
        assert 0 <= shape.label_x <= city.width and 0 <= shape.label_y <= city.height


def test_labels_fall_inside_their_shape():
    ring = [
        (0, 0),
        (10, 0),
        (10, 10),
        (6, 10),
        (6, 3),
        (4, 3),
        (4, 10),
        (0, 10),
        (0, 0),
    ]
    x, y = label_point(ring)  # a U shape: its centre is outside
    assert _inside(x, y, ring)


def test_bad_boundaries_name_the_file(tmp_path):
    path = tmp_path / "batas.geojson"
    path.write_text(json.dumps({"features": [{"properties": {}, "geometry": {}}]}))
    with pytest.raises(WilayahError, match=r"batas\.geojson: feature 1 needs"):
        city_map(path)
    with pytest.raises(WilayahError, match="not found"):
        city_map(tmp_path / "none.geojson")
