"""The report of one run file (conventions "convivia-run-1"): the headline indicators over the run,
the trust between origin groups at the end, and district maps of the headline indicator and of
perceived discrimination at the last recorded month."""

import h5py
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import Normalize

import district_map
import report_style as style
from indicators import INDICATORS, capitalised
from report_page import Page

SHARE_SERIES = ["diversity_resource_share", "intergroup_encounter_share", "cross_group_tie_share", "perceived_discrimination_share"]


def headline_figure(f, directory):
    day = f["day"][()]
    figure, (shares, trust) = plt.subplots(2, 1, figsize=(9, 6.4), sharex=True, gridspec_kw={"height_ratios": [3, 2]})
    for name in SHARE_SERIES:
        shares.plot(day, f["daily/" + name][()], label=capitalised(INDICATORS[name][0]), linewidth=2)
    shares.yaxis.set_major_formatter(style.PERCENT)
    shares.set_ylim(0, 1)
    shares.set_ylabel("share of residents or encounters")
    shares.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
    shares.set_title("Headline indicators, city-wide, day by day")
    trust.plot(day, f["daily/generalised_trust"][()], color=style.PALETTE[5], linewidth=2, label="Generalised trust")
    trust.set_ylabel("generalised trust\n(0-10 scale)")
    trust.set_xlabel("day of the run")
    trust.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
    return style.save(figure, directory, "run-headline")


def trust_matrix_figure(f, directory):
    groups = f["group"].asstr()[()]
    matrix = f["daily/trust_matrix"][-1]
    size = max(4.5, 0.6 * len(groups) + 2.5)
    figure, axes = plt.subplots(figsize=(size + 1.5, size))
    image = axes.imshow(matrix, cmap=style.SEQUENTIAL, vmin=0, vmax=1)
    axes.set_xticks(range(len(groups)), groups, rotation=40, ha="right")
    axes.set_yticks(range(len(groups)), groups)
    axes.set_xlabel("trust toward members of ...")
    axes.set_ylabel("members of ...")
    axes.grid(False)
    for i in range(len(groups)):
        for j in range(len(groups)):
            value = matrix[i, j]
            axes.text(j, i, f"{value:.2f}", ha="center", va="center", fontsize=9, color="black" if value > 0.3 else "white")
    bar = figure.colorbar(image, ax=axes, shrink=0.8)
    bar.set_label("mean trust, 0 (none) to 1 (full)")
    axes.set_title(f"Trust between origin groups on day {int(f['day'][-1])}")
    return style.save(figure, directory, "run-trust-matrix")


def district_maps_figure(f, directory, shape):
    diversity, day = district_map.final_district_values(f)
    discrimination, _ = district_map.final_district_values(f, "monthly/district_perceived_discrimination_share")
    if np.all(np.isnan(diversity)):
        return None, day
    figure, axes = plt.subplots(1, 2, figsize=(11, 5.2))
    for ax, values, title in ((axes[0], diversity, "Regard diversity as a resource"),
                              (axes[1], discrimination, "Experienced discrimination (last 30 days)")):
        finite = values[np.isfinite(values)]
        low, high = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
        if high - low < 0.01:
            low, high = low - 0.005, high + 0.005
        mappable = district_map.draw_districts(ax, shape, values, Normalize(low, high), style.SEQUENTIAL)
        district_map.add_scale_bar(ax, shape)
        bar = figure.colorbar(mappable, ax=ax, shrink=0.75, format=style.percent_for_range(low, high))
        bar.set_label("share of the district's residents")
        ax.set_title(title)
    figure.suptitle(f"Districts at the start of the last recorded month (day {day})")
    return style.save(figure, directory, "run-district-maps"), day


def make_run_report(manifest, directory):
    path = manifest["source"]
    with h5py.File(path, "r") as f:
        attrs = f.attrs
        name = attrs["scenario_name"]
        days = int(attrs["days_run"])
        residents = int(attrs["resident_count"])
        threshold = float(attrs["diversity_threshold"])
        page = Page(f"Convivia run: {name}", [
            f"File {manifest['source_name']}; seed {attrs['seed']}; {days} simulated days; {residents:,} residents at the start.",
            f"Model version {attrs['model_version']} (commit {attrs['git_commit']}); run started {attrs['created_utc']}.",
        ])
        page.section("How the city changed over the run")
        final = f["daily/diversity_resource_share"][-1]
        page.figure(headline_figure(f, directory), "Headline indicators over the run",
                    f"Each line is one indicator for the whole city, one value per simulated day. A resident counts as "
                    f"regarding diversity as a resource when their mean trust toward the other origin groups is at least "
                    f"{threshold:g} on a 0-1 scale; {final * 100:.1f}% did so on the last day. The upper panel shows shares "
                    f"of residents (or, for meetings, of the day's encounters); the lower panel shows generalised trust on "
                    f"the 0-10 scale of the European Social Survey. This is a single run: a second run with another seed "
                    f"would differ by chance, so compare scenarios over several replicate runs (a sweep) before drawing "
                    f"conclusions.")
        page.section("Trust between origin groups")
        page.figure(trust_matrix_figure(f, directory), "Trust matrix between origin groups on the last day",
                    "Each square is the mean trust that members of the group named on the left have toward members of the "
                    "group named below, on the last simulated day, from 0 (no trust) to 1 (full trust). The diagonal is "
                    "trust within a group; light squares are high trust, dark squares low. Rows differ when groups see "
                    "each other differently: compare a square with its mirror across the diagonal.")
        page.section("Differences between districts")
        shape = district_map.CityShape(f)
        maps, day = district_maps_figure(f, directory, shape)
        if maps is None:
            page.note("This run recorded no per-district indicators (output.record_districts = false), so there are no maps.")
        else:
            outline = "district outlines" if shape.rings else "the city's grid of cells, each coloured by its district"
            page.figure(maps, "District maps of the headline indicator and of perceived discrimination",
                        f"Each district (drawn from {outline}) is coloured by the share of its residents, measured at the "
                        f"start of the last recorded month (day {day}). Left: residents who regard diversity as a resource. "
                        f"Right: residents who experienced discrimination in the last 30 days. Each map has its own colour "
                        f"scale, from its lowest to its highest district, so that differences between districts show; read "
                        f"the values on the colour bar. Grey districts have no residents or no recorded value.")
    return page
