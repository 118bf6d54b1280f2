"""Walkthrough: tell the story of the WhatsApp button to a prospect, in six steps.

- start from a sample business, then make it the prospect's (name, number, a line of copy);
- a guided tour: compose → placements → the tap → where it runs → the forecast → Message
  vs Call, with Back/Next (also ← and →), a step indicator and a presenter note per step;
- presentation mode hides the sidebar and the controls and enlarges everything;
- the rollout story: the launch wave, then Europe, on the map with reach and results.
"""

from components.widgets.page_walkthrough import walkthrough_page

walkthrough_page()
