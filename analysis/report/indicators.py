"""Plain-language names of the model's indicators (docs/output-format.md), for axis labels and
captions, and whether each is a share (drawn in %, differences in percentage points)."""

# dataset name (last part of its path) -> (what it measures, for a planner; is a share)
INDICATORS = {
    "diversity_resource_share": ("residents who regard diversity as a resource", True),
    "generalised_trust": ("generalised trust (0-10 scale of the European Social Survey)", False),
    "mean_outgroup_trust": ("mean trust toward other origin groups (0-1)", False),
    "intergroup_encounter_share": ("encounters between people of different origin groups", True),
    "cross_group_tie_share": ("residents with a friend from another origin group", True),
    "perceived_discrimination_share": ("residents who experienced discrimination in the last 30 days", True),
    "employment_rate": ("adults in employment", True),
    "mean_institutional_trust": ("mean trust in institutions (0-1)", False),
    "mean_belonging": ("mean sense of belonging (0-1)", False),
    "multigroup_dissimilarity": ("residential segregation: multigroup dissimilarity index (0-1)", False),
    "theil_h": ("residential segregation: Theil's H index (0-1)", False),
    "newcomer_share": ("residents who arrived in the last 12 months", True),
}


def describe_dataset(path):
    """(description, is_share) of a run-file dataset path such as daily/diversity_resource_share."""
    name = path.rsplit("/", 1)[-1]
    if name in INDICATORS:
        return INDICATORS[name]
    if name.endswith("_by_group"):
        base, share = INDICATORS.get(name[: -len("_by_group")], (name.replace("_", " "), False))
        return f"{base}, per group", share
    return name.replace("_", " "), name.endswith("_share") or name.endswith("_rate")


def describe_outcome(name, attributes):
    """(description, is_share) of a sweep outcome from its /outcomes attributes (series, summary, window)."""
    series = attributes.get("series", "")
    if not series:
        return f"outcome {name}", False
    base, share = describe_dataset(series)
    summary = attributes.get("summary", "final")
    select = attributes.get("select", "")
    if select:
        base += f" ({select})"
    if summary == "final":
        return f"{base}, at the end of the run", share
    if "window_first" in attributes:
        first, last = int(attributes["window_first"]), int(attributes["window_last"])
        return f"{base}, {summary} over days {first}-{last}", share
    return f"{base}, {summary} over the run", share


def capitalised(text):
    return text[:1].upper() + text[1:]
