"""The README's architecture tree is the layout of `components/`, module for module and
package for package (issue 17, item 7): a newcomer reads the tree, so it must match the code."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COMPONENTS = ROOT / "components"
# A tree line: two spaces per level, then a module (name.py) or a package (name/).
ENTRY = re.compile(r"^(?P<indent>(?:  )*)(?P<name>[a-z_]+(?:\.py|/))(?:\s|$)")


def architecture_tree() -> str:
    """The first code block after the README's "## Architecture" heading."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## Architecture\n", 1)[1]
    return section.split("```", 2)[1]


def tree_paths(tree: str) -> set[str]:
    """The paths under `components/` the tree names, e.g. "campaign/" and "campaign/model.py"."""
    paths: set[str] = set()
    stack: list[str] = []
    inside = False
    for line in tree.splitlines():
        match = ENTRY.match(line)
        if not match:
            continue
        level = len(match["indent"]) // 2
        if level == 0:
            inside = match["name"] == "components/"
            stack = []
            continue
        if not inside:
            continue
        del stack[level - 1 :]
        path = "".join(stack) + match["name"]
        paths.add(path)
        if path.endswith("/"):
            stack.append(match["name"])
    return paths


def code_paths() -> set[str]:
    """Every module and package of `components/` (package `__init__` files are the package)."""
    paths: set[str] = set()
    for path in COMPONENTS.rglob("*.py"):
        if "__pycache__" in path.parts:
            continue
        relative = path.relative_to(COMPONENTS)
        if path.name != "__init__.py":
            paths.add(relative.as_posix())
        elif relative.parent != Path("."):
            paths.add(f"{relative.parent.as_posix()}/")
    return paths


def test_the_tree_reads_nested_entries():
    tree = "components/\n  a/            x\n    b.py        y\n  c.py          z\ntests/\n"
    assert tree_paths(tree) == {"a/", "a/b.py", "c.py"}


def test_every_module_is_in_the_tree():
    missing = sorted(code_paths() - tree_paths(architecture_tree()))
    assert missing == [], f"not in the README's architecture tree: {missing}"


def test_every_module_the_tree_names_exists():
    gone = sorted(tree_paths(architecture_tree()) - code_paths())
    assert gone == [], f"the README's tree names modules that do not exist: {gone}"
