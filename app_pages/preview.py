"""Preview: the ad in every placement, side by side, and what a tap on its button does.

- toggles for light/dark theme, a phone frame and the Stories safe zones;
- every placement true to its format, with a note where copy is cut, the image is cropped
  (and where), or the ad is not delivered (Call in Facebook Stories or on desktop);
- beside them, the tap: the WhatsApp chat (Message) or the call screen with business hours;
- a QR code of the button's real link, and the whole preview as one offline HTML file.
"""

from components.widgets.page_preview import preview_page

preview_page()
