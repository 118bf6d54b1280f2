"""Compose: write the ad and see it live.

- the form, one section at a time (Page, Copy, Images, Button, Welcome), on the left;
- beside it, the Facebook mobile-feed preview, updated as the person types, and what a tap
  on the button opens, with the real link.
"""

from components.widgets.page_compose import compose_page

compose_page()
