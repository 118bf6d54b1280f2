"""The README's architecture tree names every module of `components/`, and names none that
is gone (issue 17, item 7): a newcomer reads the tree, so it must match the code."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COMPONENTS = ROOT / "components"


def architecture_tree() -> str:
    """The first code block after the README's "## Architecture" heading."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## Architecture\n", 1)[1]
    return section.split("```", 2)[1]


def test_every_module_is_in_the_tree():
    tree = architecture_tree()
    missing = []
    for path in sorted(COMPONENTS.rglob("*.py")):
        if path.name == "__init__.py" or "__pycache__" in path.parts:
            continue
        name = path.relative_to(COMPONENTS)
        if name.parent.name == "widgets" and name.name.startswith("page_"):
            continue  # "each page's body (page_<name>.py)"
        if not re.search(rf"\b{re.escape(path.stem)}\b", tree):
            missing.append(str(name))
    assert missing == [], f"not in the README's architecture tree: {missing}"


def test_every_module_the_tree_names_exists():
    tree = architecture_tree()
    listed = set(re.findall(r"^  ([a-z_]+\.py)\b", tree, re.M))
    listed |= {f"{name}/" for name in re.findall(r"^  ([a-z_]+)/", tree, re.M)}
    assert listed, "the tree lists no module"
    gone = [name for name in sorted(listed) if not (COMPONENTS / name.rstrip("/")).exists()]
    assert gone == [], f"the README's tree names modules that do not exist: {gone}"
