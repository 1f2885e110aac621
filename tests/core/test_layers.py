"""The import rules between Pelita's layers, checked on every module's source.

- ``pelita.core`` imports nothing of Pelican or of another layer;
- ``pelita.importer`` imports neither the build plugins nor the tools;
- ``pelita.tools`` never imports a build plugin;
- ``pelita.build`` never imports the importer, except the plugins listed in
  :data:`KNOWN_EXCEPTIONS` (each with its reason; the list only shrinks).
Imports inside functions count as much as those at the top.
"""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "pelita"

FORBIDDEN = {
    "pelita.core": ("pelican", "pelita.build", "pelita.importer", "pelita.tools"),
    "pelita.importer": ("pelita.build", "pelita.tools"),
    "pelita.tools": ("pelita.build",),
    "pelita.build": ("pelita.importer",),
}
# (plugin, forbidden layer): why it is still allowed.
KNOWN_EXCEPTIONS = {
    ("pelita.build.kanal", "pelita.importer"): (
        "the channel health page reads the importer's state and report (the "
        "registry it reads from pelita.core.registries)"
    ),
    ("pelita.build.imported", "pelita.importer"): (
        "the importer's build half reads its settings and feed cleaning (the "
        "registry it reads from pelita.core.registries)"
    ),
}


def module_name(path: Path, package: Path) -> str:
    parts = list(path.relative_to(package.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path, package: Path = PACKAGE) -> set[str]:
    """Every module ``path`` imports (and ``module.name`` of from-imports)."""
    here = module_name(path, package)
    base = here if path.name == "__init__.py" else here.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            name = node.module or ""
            if node.level:
                parts = base.split(".")[: len(base.split(".")) - node.level + 1]
                name = ".".join([*parts, node.module] if node.module else parts)
            found.add(name)
            found |= {f"{name}.{alias.name}" for alias in node.names}
    return found


def _within(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def violations(package: Path = PACKAGE) -> list[str]:
    """Each import that breaks a rule, as "module imports x (rule)"."""
    found = []
    for path in sorted(package.rglob("*.py")):
        name = module_name(path, package)
        for layer, forbidden in FORBIDDEN.items():
            if not _within(name, layer):
                continue
            for imported in sorted(imports(path, package)):
                for rule in forbidden:
                    excused = any(
                        _within(name, plugin) and rule == layer_rule
                        for plugin, layer_rule in KNOWN_EXCEPTIONS
                    )
                    if _within(imported, rule) and not excused:
                        found.append(f"{name} imports {imported} ({layer} ↛ {rule})")
    return found


def test_every_layer_keeps_to_its_imports():
    assert violations() == []


@pytest.mark.parametrize(
    ("module", "source", "rule"),
    [
        ("core/probe.py", "from pelican import signals\n", "pelita.core ↛ pelican"),
        (
            "core/probe.py",
            "def later():\n    from ..build import wilayah\n",
            "pelita.core ↛ pelita.build",
        ),
        (
            "tools/check/probe.py",
            "import pelita.build.prestasi.plugin as p\n",
            "pelita.tools ↛ pelita.build",
        ),
        (
            "build/seo/probe.py",
            "from pelita.importer.fetching.http import fetch\n",
            "pelita.build ↛ pelita.importer",
        ),
        (
            "importer/probe.py",
            "from pelita.tools.check import run_check\n",
            "pelita.importer ↛ pelita.tools",
        ),
    ],
)
def test_the_rules_catch_a_forbidden_import(tmp_path, module, source, rule):
    package = tmp_path / "pelita"
    path = package / module
    path.parent.mkdir(parents=True)
    path.write_text(source, "utf-8")
    found = violations(package)
    assert found and all(rule in line for line in found), found


@pytest.mark.parametrize("plugin", sorted({p for p, _ in KNOWN_EXCEPTIONS}))
def test_each_known_exception_is_still_needed(plugin):
    folder = PACKAGE.parent / Path(*plugin.split("."))
    rules = {rule for p, rule in KNOWN_EXCEPTIONS if p == plugin}
    used = {
        imported
        for path in folder.rglob("*.py")
        for imported in imports(path)
        if any(_within(imported, rule) for rule in rules)
    }
    assert used, f"{plugin} no longer needs its exception: remove it"
