"""Look of every report figure: a colour-blind-safe palette (Okabe and Ito), font sizes readable
when the page is printed, shares drawn as percentages, and one place where figures are saved (PNG
at a size that keeps each file small)."""

import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.ticker import FuncFormatter  # noqa: E402

# Okabe & Ito (2008), "Color universal design": distinguishable with every common colour-vision
# deficiency. Black is last: it is kept for reference lines.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
# Sequential map for values (perceptually uniform, readable in grey and by colour-blind readers) and
# a diverging one for differences around zero.
SEQUENTIAL = "cividis"
DIVERGING = "PuOr"

plt.rcParams.update({
    "font.size": 11,
    "axes.titlesize": 12,
    "axes.labelsize": 11,
    "legend.fontsize": 10,
    "xtick.labelsize": 10,
    "ytick.labelsize": 10,
    "axes.prop_cycle": matplotlib.cycler(color=PALETTE),
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.color": "#dddddd",
    "grid.linewidth": 0.6,
    "figure.dpi": 100,
    "savefig.dpi": 100,
    "savefig.bbox": "tight",
})

PERCENT = FuncFormatter(lambda value, _: f"{value * 100:.0f}%")


def percent_for_range(low, high):
    """A % formatter with enough decimals that the ticks of a narrow range stay distinct."""
    span = abs(high - low) * 100
    decimals = 0 if span >= 8 else 1 if span >= 0.8 else 2
    return FuncFormatter(lambda value, _: f"{value * 100:.{decimals}f}%")
POINTS = FuncFormatter(lambda value, _: f"{value * 100:+.1f}" if value != 0 else "0")


def points_for_range(limit):
    """A percentage-point formatter (signed) with enough decimals for differences up to limit."""
    decimals = 1 if limit * 100 >= 0.8 else 2 if limit * 100 >= 0.08 else 3
    return FuncFormatter(lambda value, _: f"{value * 100:+.{decimals}f}" if abs(value) > 1e-12 else "0")


def progress(message):
    print(f"report: {message}", file=sys.stderr, flush=True)


def save(figure, directory, name):
    """Writes the figure as DIR/name.png and closes it; returns the file name for the page."""
    file_name = f"{name}.png"
    figure.savefig(f"{directory}/{file_name}")
    plt.close(figure)
    progress(f"drew {file_name}")
    return file_name
