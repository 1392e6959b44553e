"""The report of a collected sweep (conventions "convivia-sweep-1"): kept time series per design
point with the 95% interval of the mean, effects against the baseline, Sobol' or Morris indices,
and district maps from the sweep's run files. Every statistic comes from analysis.h5, which the
analyze code wrote; this file only draws it."""

import os

import h5py
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import Normalize, TwoSlopeNorm

import district_map
import report_style as style
from indicators import capitalised, describe_dataset, describe_outcome
from report_page import Page
from sweep_tables import CollectedSweep, read_tables, rows_where

MAX_LINES = 8       # time-series figures: more lines than this cannot be told apart
MAX_EFFECT_ROWS = 30
HEADLINE_SERIES = "daily/diversity_resource_share"


def headline_outcome(sweep):
    for name, attrs in sweep.outcome_attrs.items():
        if attrs.get("series") == HEADLINE_SERIES and attrs.get("summary") == "final" and not attrs.get("select"):
            return name
    return None


def replicates_phrase(sweep, points):
    counts = sorted({sweep.runs_done(p) for p in points})
    if len(counts) == 1:
        return f"{counts[0]} replicate run{'s' if counts[0] != 1 else ''}"
    return f"{counts[0]} to {counts[-1]} replicate runs"


def series_points(sweep, summary, name, baseline, map_points):
    if sweep.point_count <= MAX_LINES:
        return list(range(sweep.point_count)), ""
    rows = rows_where(summary, series=name)
    last = rows["time"].max()
    final = rows_where(rows, time=last)
    order = np.argsort(final["mean"])
    chosen = [baseline] + [p for p in map_points if p != baseline]
    for p in (int(final["point"][order[0]]), int(final["point"][order[-1]])):
        if p not in chosen:
            chosen.append(p)
    return chosen, (f" The sweep has {sweep.point_count} design points, too many to draw as lines: shown are the baseline, "
                    f"the mapped points and the points with the lowest and highest final mean.")


def time_series_figure(sweep, summary, name, points, directory):
    attrs = sweep.series_attrs.get(name, {})
    description, share = describe_dataset(attrs.get("series", name))
    figure, axes = plt.subplots(figsize=(9.5, 4.8))
    axis_name = "day"
    for i, p in enumerate(points):
        rows = rows_where(summary, series=name, point=float(p))
        axis_name = rows["time_axis"][0] if len(rows["time_axis"]) else axis_name
        colour = style.PALETTE[i % len(style.PALETTE)]
        axes.plot(rows["time"], rows["mean"], color=colour, linewidth=2, label=sweep.label_of(p))
        axes.fill_between(rows["time"], rows["ci_low"], rows["ci_high"], color=colour, alpha=0.2, linewidth=0)
    if share:
        axes.yaxis.set_major_formatter(style.PERCENT)
    axes.set_xlabel("day of the run" if axis_name in ("day", "month_day") else axis_name)
    axes.set_ylabel(("share of residents" if "residents" in description else "value") if share else description)
    axes.set_title(capitalised(description))
    axes.legend(title="design point", loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
    return style.save(figure, directory, f"series-{name}"), description


def effects_figure(sweep, effects, directory):
    outcomes = list(dict.fromkeys(effects["outcome"]))
    panels = []
    for outcome in outcomes:
        rows = rows_where(effects, outcome=outcome)
        panels.append((outcome, rows))
    row_count = len(panels[0][1]["point"])
    figure, axes = plt.subplots(len(panels), 1, figsize=(9.5, len(panels) * (0.45 * row_count + 1.3) + 0.4), squeeze=False)
    for ax, (outcome, rows) in zip(axes[:, 0], panels):
        description, share = describe_outcome(outcome, sweep.outcome_attrs.get(outcome, {}))
        y = np.arange(len(rows["point"]))[::-1]
        low, high, mid = rows["ci_low"], rows["ci_high"], rows["difference"]
        has_interval = np.isfinite(low) & np.isfinite(high)
        excludes_zero = has_interval & ((low > 0) | (high < 0))
        for yi, m, lo, hi, interval, clear in zip(y, mid, low, high, has_interval, excludes_zero):
            colour = style.PALETTE[0] if clear else "#888888"
            if interval:
                ax.plot([lo, hi], [yi, yi], color=colour, linewidth=3, solid_capstyle="butt")
            ax.plot([m], [yi], "o", color=colour, markersize=7)
        ax.axvline(0, color="black", linewidth=1)
        ax.set_yticks(y, rows["label"])
        ax.set_ylim(-0.7, len(y) - 0.3)
        ax.grid(axis="y", visible=False)
        if share:
            ax.xaxis.set_major_formatter(style.POINTS)
            ax.set_xlabel("difference to the baseline, percentage points")
        else:
            ax.set_xlabel("difference to the baseline")
        ax.set_title(capitalised(description), loc="left")
    figure.tight_layout()
    return style.save(figure, directory, "effects")


def sobol_figure(sweep, sobol, directory):
    outcomes = list(dict.fromkeys(sobol["outcome"]))
    figure, axes = plt.subplots(len(outcomes), 1, figsize=(8.5, 3.6 * len(outcomes)), squeeze=False)
    for ax, outcome in zip(axes[:, 0], outcomes):
        rows = rows_where(sobol, outcome=outcome)
        x = np.arange(len(rows["factor"]))
        for offset, kind, name, colour in ((-0.2, "first_order", "first order (factor alone)", style.PALETTE[0]),
                                           (0.2, "total", "total (alone and with others)", style.PALETTE[1])):
            value, low, high = rows[kind], rows[kind + "_low"], rows[kind + "_high"]
            error = np.vstack([np.clip(value - low, 0, None), np.clip(high - value, 0, None)])
            ax.bar(x + offset, value, width=0.38, color=colour, label=name, yerr=error, capsize=4, ecolor="#333333")
        ax.axhline(0, color="black", linewidth=0.8)
        ax.set_xticks(x, rows["factor"])
        ax.set_ylim(min(-0.05, float(np.nanmin(rows["first_order_low"])) - 0.02), max(1.0, float(np.nanmax(rows["total_high"])) + 0.05))
        ax.set_ylabel("share of the outcome's variance")
        ax.yaxis.set_major_formatter(style.PERCENT)
        ax.set_title(f"Sobol' indices of {capitalised(describe_outcome(outcome, sweep.outcome_attrs.get(outcome, {}))[0])}", loc="left")
        ax.legend(frameon=False, loc="upper right")
    figure.tight_layout()
    return style.save(figure, directory, "sobol")


def morris_figure(sweep, morris, directory):
    outcomes = list(dict.fromkeys(morris["outcome"]))
    figure, axes = plt.subplots(1, len(outcomes), figsize=(5.2 * len(outcomes) + 0.5, 4.8), squeeze=False)
    for ax, outcome in zip(axes[0], outcomes):
        rows = rows_where(morris, outcome=outcome)
        top = max(float(np.nanmax(rows["mu_star"])), float(np.nanmax(rows["sigma"])), 1e-12) * 1.15
        ax.plot([0, top], [0, top], color="#888888", linestyle="--", linewidth=1, label="sigma = mu*")
        ax.scatter(rows["mu_star"], rows["sigma"], s=60, color=style.PALETTE[0], zorder=3)
        for name, x, y in zip(rows["factor"], rows["mu_star"], rows["sigma"]):
            ax.annotate(name, (x, y), textcoords="offset points", xytext=(6, 4), fontsize=10)
        ax.set_xlim(0, top)
        ax.set_ylim(0, top)
        ax.set_xlabel("mu*: mean size of the factor's effect")
        ax.set_ylabel("sigma: spread of its effects")
        ax.set_title(capitalised(describe_outcome(outcome, sweep.outcome_attrs.get(outcome, {}))[0]), loc="left")
        ax.legend(frameon=False, loc="upper left")
    figure.tight_layout()
    return style.save(figure, directory, "morris")


def default_map_points(sweep, tables, baseline):
    points = [baseline]
    headline = headline_outcome(sweep)
    effects = tables.get("effects")
    if headline and effects is not None:
        rows = rows_where(effects, outcome=headline)
        finite = np.isfinite(rows["difference"])
        if finite.any():
            best = int(rows["point"][finite][np.argmax(np.abs(rows["difference"][finite]))])
            points.append(best)
    return points


def mean_district_values(sweep, entries):
    """Mean over the point's run files of the final district headline; the shape of the first file."""
    values, shape, day, skipped = [], None, None, []
    for entry in entries:
        with h5py.File(entry["path"], "r") as f:
            if str(f.attrs["seed"]) != str(sweep.seed[entry["run"]]):
                skipped.append(os.path.basename(entry["path"]))
                continue
            if shape is None:
                shape = district_map.CityShape(f)
            v, day = district_map.final_district_values(f)
            values.append(v)
    if not values:
        return None, None, None, skipped
    return np.nanmean(np.vstack(values), axis=0) if len(values) > 1 else values[0], shape, day, skipped


def maps_figure(sweep, manifest, points, baseline, directory):
    """Maps of the chosen points (one colour scale) and of each one's difference to the baseline."""
    notes, drawn = [], []
    for p in points:
        entries = manifest["run_files"].get(str(p), [])
        if not entries:
            notes.append(f"No run files for the point {sweep.label_of(p)}, so it has no map.")
            continue
        values, shape, day, skipped = mean_district_values(sweep, entries)
        if skipped:
            notes.append(f"Left out of the maps, because their seed is not the one the sweep recorded for that run "
                         f"(a different sweep's files?): {', '.join(skipped)}.")
        if values is None:
            continue
        drawn.append((p, values, shape, day, len(entries) - len(skipped)))
    if not drawn:
        return None, notes, None
    if np.all(np.isnan(np.concatenate([d[1] for d in drawn]))):
        return None, notes + ["The run files recorded no per-district indicators (output.record_districts = false)."], None
    base = next((d for d in drawn if d[0] == baseline), None)
    others = [d for d in drawn if base is not None and d[0] != baseline]
    panels = len(drawn) + len(others)
    columns = panels if panels <= 3 else len(drawn)
    rows = 1 if panels <= 3 else 2
    figure, axes = plt.subplots(rows, columns, figsize=(4.6 * columns + 1.0, 4.4 * rows + 0.4), squeeze=False)
    value_axes, difference_axes = list(axes.flat[:len(drawn)]), list(axes.flat[len(drawn) if rows == 1 else columns:])
    for ax in axes.flat:
        ax.set_axis_off()
    norm, extend = district_map.robust_norm(np.concatenate([d[1] for d in drawn]))
    for ax, (p, values, shape, day, runs) in zip(value_axes, drawn):
        mappable = district_map.draw_districts(ax, shape, values, norm, style.SEQUENTIAL)
        district_map.add_scale_bar(ax, shape)
        ax.set_title(f"{sweep.label_of(p)}\n(mean of {runs} run{'s' if runs != 1 else ''})", fontsize=11)
    bar = figure.colorbar(mappable, ax=value_axes, shrink=0.75, extend=extend, format=style.percent_for_range(norm.vmin, norm.vmax),
                          location="bottom", pad=0.04, aspect=30)
    bar.set_label("residents who regard diversity as a resource")
    if others:
        differences = [d[1] - base[1] for d in others]
        every = np.abs(np.concatenate(differences))
        limit = max(float(np.nanpercentile(every, 98)) if np.isfinite(every).any() else 0.0, 0.001)
        diff_norm = TwoSlopeNorm(0.0, -limit, limit)
        for ax, (p, values, shape, day, runs), difference in zip(difference_axes, others, differences):
            mappable = district_map.draw_districts(ax, shape, difference, diff_norm, style.DIVERGING)
            ax.set_title(f"{sweep.label_of(p)}\nminus the baseline", fontsize=11)
        bar = figure.colorbar(mappable, ax=difference_axes[:len(others)], shrink=0.75, extend="both", location="bottom", pad=0.04,
                              aspect=20 if len(others) == 1 else 30, format=style.points_for_range(limit))
        bar.set_label("difference, percentage points")
    return style.save(figure, directory, "district-maps"), notes, drawn[0][3]


def make_sweep_report(manifest, directory):
    sweep = CollectedSweep(manifest["source"])
    tables = read_tables(os.path.join(directory, manifest["analysis_file"]))
    baseline = int(manifest["baseline_point"])
    a = sweep.attrs
    title = a.get("sweep_name") or manifest["source_name"]
    page = Page(f"Convivia sweep: {title}", [
        a.get("description", ""),
        f"File {manifest['source_name']}; design {a.get('design')}; {a.get('design_points')} design points, "
        f"{a.get('replicates')} replicate(s) each; {a.get('runs_done')} of {a.get('runs')} runs done"
        f"{', ' + str(a.get('runs_failed')) + ' failed' if int(a.get('runs_failed', 0)) else ''}.",
        f"Model version {a.get('model_version')}; collected {a.get('created_utc')}. Tables: point_summary.csv, "
        f"effects.csv and the others in this directory, and analysis.h5.",
    ])
    points_shown = min(sweep.point_count, 20)
    page.section("Design points", "The scenarios compared: each design point sets the factors to the values in its label; "
                 "replicate runs of a point differ only in their random seed.")
    effects_meaningful = a.get("design") == "full_factorial" or manifest["baseline_given"]
    page.table(["point", "label", "runs done"],
               [[p, sweep.label_of(p) + (" (baseline)" if p == baseline and effects_meaningful else ""), sweep.runs_done(p)]
                for p in range(points_shown)])
    if points_shown < sweep.point_count:
        page.note(f"The first {points_shown} of {sweep.point_count} points are listed; point_summary.csv has all of them.")

    map_points = manifest["map_points_requested"] or default_map_points(sweep, tables, baseline)
    summary = tables.get("series_summary")
    if summary is not None:
        page.section("Over time")
        for name in dict.fromkeys(summary["series"]):
            points, extra = series_points(sweep, summary, name, baseline, map_points)
            file_name, description = time_series_figure(sweep, summary, name, points, directory)
            page.figure(file_name, f"{description} over time, per design point",
                        f"{capitalised(description)}, city-wide, over the simulated days. Each line is the mean over "
                        f"{replicates_phrase(sweep, points)} of one design point; the shaded band is the 95% confidence "
                        f"interval of that mean. Bands that do not overlap point to a difference beyond chance; the "
                        f"effects below compare the points more precisely (runs that share seeds are paired).{extra}")
    for name in manifest["skipped_series"]:
        page.note(f"The kept series {name} has axes beyond time (per group or a matrix); it is in the collected file "
                  f"but not drawn here.")

    effects = tables.get("effects")
    if effects is not None and effects_meaningful:
        page.section("Effects against the baseline", f"Baseline: {sweep.label_of(baseline)}.")
        if len(rows_where(effects, outcome=effects["outcome"][0])["point"]) > MAX_EFFECT_ROWS:
            page.note("There are too many design points to draw their effects; effects.csv lists them all.")
        else:
            methods = set(effects["method"])
            how = ("paired: the runs of each point share their seeds with the baseline's, so the interval is over "
                   "the per-seed differences" if methods == {"paired"} else
                   "the interval is paired by seed where a point shares the baseline's seeds, else Welch's unpaired interval")
            page.figure(effects_figure(sweep, effects, directory), "Effects of each design point against the baseline",
                        f"For each outcome, each dot is how much a design point differs from the baseline "
                        f"({sweep.label_of(baseline)}): the mean over its replicate runs minus the baseline's. The bar is "
                        f"the 95% confidence interval of that difference ({how}). Blue: the interval excludes 0, so the "
                        f"replicates tell the difference apart from chance; grey: it includes 0, or there is no interval "
                        f"(a single run). Shares are in percentage points: +2.0 means, say, 52% of residents instead of 50%.")
    elif effects is not None:
        page.note("This is a sampled design, whose point 0 is no natural baseline, so no effects are drawn; give "
                  "--baseline to draw them (effects.csv holds them against point 0).")

    if "sobol" in tables:
        page.section("Which factors matter (Sobol' indices)")
        page.figure(sobol_figure(sweep, tables["sobol"], directory), "Sobol' indices per factor",
                    "Sobol' indices: for each outcome, how much of its variation across the sweep each factor explains. Blue (first "
                    "order): the share of the variance due to the factor alone. Orange (total): its share including "
                    "interactions with the other factors; a total well above the first order means the factor acts "
                    "through others. Error bars are 95% bootstrap intervals over the base sample's rows. Near 0: the "
                    "factor hardly matters within its range.")
    if "morris" in tables:
        page.section("Which factors matter (Morris screening)")
        page.figure(morris_figure(sweep, tables["morris"], directory), "Morris mu* against sigma per factor",
                    "Each dot is a factor. Right (large mu*): changing the factor across its range changes the outcome "
                    "a lot on average. Up (large sigma): its effect varies from one setting of the other factors to "
                    "the next, so it is non-linear or interacts. Factors near the origin can be fixed without losing "
                    "much; above the dashed line, interaction or non-linearity dominates.")

    if a.get("model") not in (None, "", "scenario"):
        page.note(f"This sweep runs the built-in test model \"{a.get('model')}\", which has no city, so there are no maps.")
    else:
        page.section("Districts", "The share of residents who regard diversity as a resource in each district, at the start "
                     "of the last recorded month.")
        if manifest["run_files_problem"]:
            page.note(f"District maps: {manifest['run_files_problem']}. The collected file keeps city-wide values only; "
                      f"the maps are drawn from the run files.")
        file_name, notes, day = maps_figure(sweep, manifest, map_points, baseline, directory)
        if day == 0:
            notes.append("The runs are shorter than two months, so their last recorded month is the first one, measured "
                         "before any simulated day: the maps show the city at the start, before any policy acted.")
        for note in notes:
            page.note(note)
        if file_name:
            page.figure(file_name, "District maps of the headline indicator",
                        f"The blue-to-yellow maps colour each district by the share of its residents who regard diversity "
                        f"as a resource (mean over the point's replicate runs, measured on day {day}), all on one colour "
                        f"scale spanning the middle 96% of districts (arrows on the colour bar: some lie beyond it). The "
                        f"purple-to-orange maps show each point minus the baseline, district by district, in percentage "
                        f"points: purple is higher than the baseline, orange lower, white no change. Points "
                        f"shown: the baseline and the point with the largest city-wide effect, unless --map-points "
                        f"names others. District differences rest on few residents each, so small ones may be chance.")
    return page
