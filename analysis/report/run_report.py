"""The report of one run file (conventions "convivia-run-1"): the headline indicators over the run,
the trust between origin groups at the end, and district maps of the headline indicator and of
perceived discrimination at the last recorded month."""

import h5py
import matplotlib.pyplot as plt
import numpy as np

import district_map
import report_style as style
from indicators import INDICATORS, capitalised
from report_page import Page

SHARE_SERIES = ["diversity_resource_share", "intergroup_encounter_share", "cross_group_tie_share", "perceived_discrimination_share"]


def headline_figure(f, directory):
    day = f["day"][()]
    figure, (shares, trust) = plt.subplots(2, 1, figsize=(9, 6.4), sharex=True, gridspec_kw={"height_ratios": [3, 2]})
    for name in SHARE_SERIES:
        values, label = f["daily/" + name][()], capitalised(INDICATORS[name][0])
        if name == "intergroup_encounter_share":  # weekends differ from weekdays: show the weekly mean
            values = np.convolve(values, np.ones(7) / 7, mode="valid") if len(values) >= 7 else values
            label += " (7-day mean)"
        shares.plot(day[len(day) - len(values):], values, label=label, linewidth=2)
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
    # Trust within a group is far above trust between groups; colouring the diagonal would squeeze the
    # differences between groups, which are what a planner looks for, into one shade.
    off_diagonal = np.ma.masked_where(np.eye(len(groups), dtype=bool), matrix)
    low, high = float(off_diagonal.min()), float(off_diagonal.max())
    if high - low < 0.02:
        low, high = (low + high) / 2 - 0.01, (low + high) / 2 + 0.01
    cmap = plt.get_cmap(style.SEQUENTIAL).copy()
    cmap.set_bad("#eeeeee")
    image = axes.imshow(off_diagonal, cmap=cmap, vmin=low, vmax=high)
    axes.set_xticks(range(len(groups)), groups, rotation=40, ha="right")
    axes.set_yticks(range(len(groups)), groups)
    axes.set_xlabel("trust toward members of ...")
    axes.set_ylabel("members of ...")
    axes.grid(False)
    decimals = 3 if high - low < 0.05 else 2  # enough to tell the coloured squares apart
    for i in range(len(groups)):
        for j in range(len(groups)):
            value = matrix[i, j]
            light = i == j or (value - low) / (high - low) > 0.45
            axes.text(j, i, f"{value:.{2 if i == j else decimals}f}", ha="center", va="center", fontsize=8.5, color="black" if light else "white",
                      fontstyle="italic" if i == j else "normal")
    bar = figure.colorbar(image, ax=axes, shrink=0.8)
    bar.set_label("mean trust between groups (0-1 scale)")
    axes.set_title(f"Trust between origin groups on day {int(f['day'][-1])}")
    return style.save(figure, directory, "run-trust-matrix")


def district_maps_figure(f, directory, shape):
    diversity, day = district_map.final_district_values(f)
    discrimination, _ = district_map.final_district_values(f, "monthly/district_perceived_discrimination_share")
    if np.all(np.isnan(diversity)):
        return None, day
    figure, axes = plt.subplots(1, 2, figsize=(11, 5.4))
    for ax, values, title in ((axes[0], diversity, "Residents who regard diversity as a resource"),
                              (axes[1], discrimination, "Residents who experienced discrimination\nin the last 30 days")):
        norm, extend = district_map.robust_norm(values)
        mappable = district_map.draw_districts(ax, shape, values, norm, style.SEQUENTIAL)
        district_map.add_scale_bar(ax, shape)
        bar = figure.colorbar(mappable, ax=ax, shrink=0.85, extend=extend, location="bottom", pad=0.03, aspect=25,
                              format=style.percent_for_range(norm.vmin, norm.vmax))
        bar.set_label("share of the district's residents")
        ax.set_title(title)
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
                    f"of residents (or, for meetings between groups, of the day's encounters, averaged over 7 days because "
                    f"weekends differ from weekdays); the lower panel shows generalised trust on "
                    f"the 0-10 scale of the European Social Survey. This is a single run: a second run with another seed "
                    f"would differ by chance, so compare scenarios over several replicate runs (a sweep) before drawing "
                    f"conclusions.")
        page.section("Trust between origin groups")
        page.figure(trust_matrix_figure(f, directory), "Trust matrix between origin groups on the last day",
                    "Each square is the mean trust that members of the group named on the left have toward members of the "
                    "group named below, on the last simulated day, on a scale from 0 (no trust) to 1 (full trust). The "
                    "grey diagonal (numbers in italics) is trust within a group, usually far higher. The colours show "
                    "trust between groups only, on a scale from its lowest to its highest value so that small differences "
                    "show: light squares are the highest trust between groups, dark squares the lowest. Compare a square "
                    "with its mirror across the diagonal to see whether two groups see each other alike.")
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
                        f"scale, over the middle 96% of its districts so that a few districts with very few residents (and "
                        f"so extreme shares) do not wash out the rest: arrows on a colour bar mean some districts lie beyond "
                        f"it. Grey districts have no residents or no recorded value.")
    return page
