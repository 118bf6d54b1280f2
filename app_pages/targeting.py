"""Targeting: where the ad runs, whether the button is available there, and whom it reaches.

- pick countries a continent or sub-region at a time (chosen, added) or one by one, searching
  by plain-language name with flags; the selection is the AdSpec's `countries` (share link);
- switch the rollout scenario (launch / Europe launched) and read what changes;
- see availability on an offline world map and in a table: available, later (and why) or
  unavailable; countries that get no delivery are marked, call-restricted ones flagged;
- see the estimated audience per country and in total, as ranges, with its assumptions;
- split the daily budget in proportion to audience or by hand, always adding up to the budget;
- warnings when the targets do not fit the rest of the ad.
"""

from components.widgets.page_targeting import targeting_page

targeting_page()
