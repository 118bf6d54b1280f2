"""Engagement: a simulated, calibrated forecast of the ad by day and by country.

- campaign settings (budget, days, start, reply time, scheduling, runs, seed, currency);
- headline figures (median and p10–p90 of the Monte Carlo runs);
- one chart at a time: daily bands, the funnel, countries (bars and map), taps by hour,
  budget against results, and Message against Call with the chance each wins;
- downloads: daily results per country (CSV) and the summary (JSON).
"""

from components.widgets.page_engagement import engagement_page

engagement_page()
