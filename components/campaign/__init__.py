"""The campaign a person composes, and its rules (pure Python: no Streamlit, no storage).

- `model`: `Campaign`, the one frozen record of everything composed (copy, button, number,
  welcome, targets, budget, the forecast's settings), its limits and the share-link round trip;
- `phone`: numbers parsed and formatted (phonenumbers), wa.me and tel: links;
- `hours`: business hours in a time zone;
- `placements`: each placement's format and rules (text limits, Call support, crops);
- `images`: uploads checked, normalised and bounded (Pillow);
- `samples`: the sample businesses as campaigns, and a sample adapted to a prospect;
- `renaming`: a new business name carried into the ad's own words;
- `campaign_file`: the campaign as a JSON file (export, hardened import, version diffs);
- `quoting`: outside text made inert for Streamlit's Markdown (the messages here quote it).
"""

from components.campaign.campaign_file import CampaignFileError, export_json, import_json
from components.campaign.model import Campaign, default_campaign
from components.campaign.samples import SampleBusiness, load_samples

__all__ = [
    "Campaign",
    "CampaignFileError",
    "SampleBusiness",
    "default_campaign",
    "export_json",
    "import_json",
    "load_samples",
]
