# font_check.py: the sample generators set text in named font families; when one is missing,
# fontconfig quietly substitutes another and the samples come out with other metrics (a 340-page
# volume instead of 418). They call require_families() first and refuse instead.

import sys

import gi

gi.require_version("PangoCairo", "1.0")
from gi.repository import PangoCairo  # noqa: E402

# The Debian package that installs each family the generators use.
PACKAGES = {
    "Noto Serif CJK SC": "fonts-noto-cjk",
    "Noto Sans CJK SC": "fonts-noto-cjk",
    "Liberation Serif": "fonts-liberation",
    "Liberation Sans": "fonts-liberation",
    "DejaVu Serif": "fonts-dejavu-extra",
    "DejaVu Sans": "fonts-dejavu-core",
    "DejaVu Sans Mono": "fonts-dejavu-core",
    "AR PL UMing CN": "fonts-arphic-uming",
    "AR PL UKai CN": "fonts-arphic-ukai",
}


def missing_families(names):
    """The names of names that fontconfig does not have (compared case-insensitively)."""
    have = {f.get_name().casefold() for f in PangoCairo.FontMap.get_default().list_families()}
    return [n for n in names if n.casefold() not in have]


def require_families(program, names):
    """Exit with status 2 and one line per missing family, naming its Debian package."""
    missing = missing_families(names)
    for name in missing:
        package = PACKAGES.get(name, "a package that provides it")
        print("%s: font family '%s' is not installed (apt-get install %s); refusing to draw "
              "with a substitute" % (program, name, package), file=sys.stderr)
    if missing:
        sys.exit(2)
