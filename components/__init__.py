"""Button Ad Studio's code, one package per concept; arrows point down this list only.

- `campaign`: the campaign a person composes (the `Campaign` model, its fields' rules, phone
  numbers, hours, placements, images, samples, the campaign file);
- `world`: the countries, cities, audiences and currencies a campaign refers to;
- `forecast`: the simulated, calibrated engine (pure numpy);
- `render`: HTML, CSS and Vega-Lite made from a campaign or a forecast, every string escaped;
- `storage`: saved drafts (SQLAlchemy), their owners and the install's workspace key;
- `handoff`: the campaign as Meta's Marketing API takes it (Take it to Ads Manager);
- `ui`: the Streamlit pages and their parts, the only package that imports Streamlit.

The paths below are the one place the repository's layout is written down for the code.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DATA = ROOT / "sample_data"
ASSETS = ROOT / "assets"
