"""Reading what a sweep report draws from: the tables of analysis.h5 (written by the analyze code,
docs/analysis.md) as dicts of NumPy columns, and the collected sweep's outcome and series
attributes."""

import h5py
import numpy as np


def read_tables(path):
    """{table name: {column: array}} of /analysis in analysis.h5."""
    tables = {}
    with h5py.File(path, "r") as f:
        for name, group in f["analysis"].items():
            tables[name] = {column: (d.asstr()[()] if h5py.check_string_dtype(d.dtype) else d[()]) for column, d in group.items()}
    return tables


def rows_where(table, **conditions):
    """The table restricted to rows where every named column equals the value."""
    keep = np.ones(len(next(iter(table.values()))), dtype=bool)
    for column, value in conditions.items():
        keep &= table[column] == value
    return {column: values[keep] for column, values in table.items()}


def attributes_of(dataset):
    return {key: (value.decode() if isinstance(value, bytes) else value) for key, value in dataset.attrs.items()}


class CollectedSweep:
    """The parts of experiments.h5 the page describes: root attributes, design, outcomes, series."""

    def __init__(self, path):
        with h5py.File(path, "r") as f:
            self.attrs = attributes_of(f)
            self.point = f["design/point"][()]
            self.replicate = f["design/replicate"][()]
            self.seed = f["design/seed"][()]
            self.status = f["design/status"].asstr()[()]
            self.label = f["design/label"].asstr()[()]
            self.factors = list(f["factor"].asstr()[()])
            self.outcome_attrs = {name: attributes_of(d) for name, d in f["outcomes"].items()}
            self.series_attrs = {name: attributes_of(d) for name, d in f["series"].items()} if "series" in f else {}
        self.point_count = int(self.point.max()) + 1 if len(self.point) else 0

    def label_of(self, point):
        return str(self.label[np.nonzero(self.point == point)[0][0]])

    def runs_done(self, point):
        return int(np.sum((self.point == point) & (self.status == "done")))
