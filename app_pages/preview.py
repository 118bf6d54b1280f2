"""Preview: the ad in every placement, side by side, and what a tap on its button does.

The page is drawn by `components/widgets/page_preview.py`.
"""

from components.widgets.page_preview import preview_page

preview_page()
