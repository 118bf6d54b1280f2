"""The sample businesses' creatives, drawn with Pillow shapes only (no downloaded art).

`make sample-images` (`python -m tools.sample_images [slug ...]`) writes, for each of the nine
sample businesses, into `sample_data/images/`:

- `<slug>.jpg`: the feed creative, 1080x1350 (4:5), its text inside the centred 1080x1080
  square so a 1:1 crop keeps it whole;
- `<slug>-story.jpg`: the art recomposed for Stories, 1080x1920 (9:16), the top 14% and the
  bottom 20% free of text (the button sits there);
- `<slug>-logo.png`: a 256x256 round badge (transparent corners) for the Page avatar.

`drawing` is what every creative shares (colours, fonts, the supersampling painter, layouts,
the composition of text, hero and logo); each business is a module of its own with its
scene, hero, glyph and words. The output is deterministic: the same Pillow and the same fonts
(Debian's fonts-liberation, fonts-dejavu-core and fonts-noto-core, which the make target
installs) give the same bytes, and `tests/tools/test_sample_images.py` redraws a logo of each
business and the Cairo art and compares them with the committed files.
"""
