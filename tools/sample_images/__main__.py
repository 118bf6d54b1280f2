"""Draw the sample creatives into sample_data/images/ (or --out): `make sample-images`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from tools.sample_images import (
    austin_food_truck,
    berlin_cafe,
    cairo_perfumes,
    jakarta_dental,
    lagos_bakery,
    mumbai_boutique,
    nairobi_tutor,
    sao_paulo_plumber,
    sydney_surf_school,
)
from tools.sample_images.drawing import (
    FEED,
    FONT_PACKAGES,
    OUT_DIR,
    ROOT,
    STORY,
    Creative,
    MissingFont,
    render,
    render_logo,
    save_jpeg,
)

# The creatives drawn by the shared composition, in the order of sample_data/businesses.json.
CREATIVES: tuple[Creative, ...] = (
    lagos_bakery.CREATIVE,
    sao_paulo_plumber.CREATIVE,
    jakarta_dental.CREATIVE,
    austin_food_truck.CREATIVE,
    nairobi_tutor.CREATIVE,
    mumbai_boutique.CREATIVE,
    sydney_surf_school.CREATIVE,
    berlin_cafe.CREATIVE,
)
SLUGS = (*(c.slug for c in CREATIVES), cairo_perfumes.SLUG)


def write_creative(creative: Creative, out_dir: Path) -> list[Path]:
    """Render one creative's feed, story and logo files into `out_dir`; return the paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for layout, suffix in ((FEED, ""), (STORY, "-story")):
        path = out_dir / f"{creative.slug}{suffix}.jpg"
        save_jpeg(render(creative, layout), path)
        written.append(path)
    path = out_dir / f"{creative.slug}-logo.png"
    render_logo(creative).save(path, "PNG", optimize=True)
    written.append(path)
    return written


def write_all(out_dir: Path, only: Sequence[str] = ()) -> list[Path]:
    """Render every sample business (or those in `only`) into `out_dir`; return the paths."""
    written = []
    for creative in CREATIVES:
        if not only or creative.slug in only:
            written += write_creative(creative, out_dir)
    if not only or cairo_perfumes.SLUG in only:
        written += cairo_perfumes.write(out_dir)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    """Draw the creatives and list each file's size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("slugs", nargs="*", help="only these businesses (default: all)")
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="output folder")
    args = parser.parse_args(argv)
    unknown = set(args.slugs) - set(SLUGS)
    if unknown:
        parser.error(f"unknown slug(s): {', '.join(sorted(unknown))}")
    try:
        written = write_all(args.out, args.slugs)
    except MissingFont as exc:
        print(f"{exc}: `make sample-images` installs {FONT_PACKAGES}.", file=sys.stderr)
        return 1
    total = 0
    for path in written:
        size = path.stat().st_size
        total += size
        shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
        print(f"{shown}  {size / 1024:6.0f} KB")
    print(f"total {total / 1024 / 1024:.2f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
