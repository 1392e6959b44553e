// Fuzzes the HDF5 run-file readers, of `convivia compare` (io/run_file_reader), of the viewer
// (viz/run_data_reader, which reads the same file and more) and of `convivia sweep run` and
// `collect` (analysis/run_outcomes: a kept outcome's series, its axes and summary), through files of
// valid HDF5 whose content is chosen by the input (the records of fuzz_hdf5_records.hpp; make_seeds.py
// writes real run files in that form).
#include "fuzz_hdf5_records.hpp"
#include "fuzz_support.hpp"
#include "io/hdf5_handles.hpp"
#include "io/input_error.hpp"
#include "io/run_file_reader.hpp"
#include "run_data_reader.hpp"
#include "analysis/run_outcomes.hpp"

#include <array>

using namespace convivia;
using convivia::hdf5::Handle;

namespace {

// New names go at the end, so that the records of existing corpus inputs keep their meaning.
constexpr std::array<const char*, 6> attribute_names = {"conventions", "scenario_name", "seed", "days_run", "resident_count",
                                                        "start_weekday"};
constexpr std::array<const char*, 47> dataset_names = {
    "group", "district", "month_day", "daily/diversity_resource_share", "daily/generalised_trust",
    "daily/mean_outgroup_trust", "daily/intergroup_encounter_share", "daily/cross_group_tie_share",
    "daily/perceived_discrimination_share", "daily/employment_rate", "daily/employment_gap_by_group",
    "daily/mean_institutional_trust", "daily/mean_belonging", "monthly/city_by_cell/multigroup_dissimilarity",
    "monthly/city_by_cell/theil_h", "monthly/city_by_school/multigroup_dissimilarity", "monthly/cohesion_index",
    "daily/policy_annual_cost_eur", "daily/policy_cumulative_cost_eur", "policies/kind", "policies/name",
    "policies/districts", "policies/groups", "policies/intensity", "policies/annual_cost_eur", "policies/start_day",
    "policies/end_day", "day", "policies", "daily", "monthly",
    // What the viewer reads (viz/run_data_reader).
    "city/cell_district", "districts/ring_district", "districts/ring_start", "districts/ring_vertex_count",
    "districts/vertex_x_m", "districts/vertex_y_m", "groups/colour", "monthly/district_residents_by_group",
    "samples/group", "samples/home_venue", "samples/outgroup_trust", "samples/venue", "venues/kind", "venues/x_m",
    // What sweeps keep beside the series above (analysis/run_outcomes).
    "daily/mean_outgroup_trust_by_group", "daily/trust_matrix"};

// What a sweep keeps from a run: a final value, a windowed mean, a selected column and whole series,
// with the exceptions the sweep commands turn into a run's recorded failure.
void read_as_sweeps_do(const std::string& path) {
  using namespace convivia::sweep;
  static const std::vector<OutcomeSpec> outcomes = [] {
    std::vector<OutcomeSpec> specs(4);
    specs[0] = {"final", "daily/diversity_resource_share", Summary::final, std::nullopt, {}, 1};
    specs[1] = {"window", "daily/mean_outgroup_trust", Summary::mean, std::make_pair(2.0, 20.0), {}, 2};
    specs[2] = {"column", "daily/mean_outgroup_trust_by_group", Summary::max, std::nullopt, {{"group", "group_b"}}, 3};
    specs[3] = {"matrix", "daily/trust_matrix", Summary::series, std::nullopt, {}, 4};
    return specs;
  }();
  const hid_t id = open_run_file(path);
  if (id < 0) return;
  const Handle file(id, H5Fclose);
  for (const OutcomeSpec& outcome : outcomes) {
    try {
      const RunSeries series = read_outcome_series(file.get(), outcome);
      if (outcome.summary != Summary::series) (void)summarise(series, outcome);
    } catch (const OutcomeError&) {
    } catch (const OutputError&) {
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  hdf5::silence_errors();
  const std::string path = (fuzz::scratch_directory() / "run.h5").string();
  fuzz::write_record_file(path, data, size, {attribute_names, dataset_names});
  H5Eclear2(H5E_DEFAULT);
  try {
    const RunFile run = read_run_file(path);
    // What compare does with a file it accepted: every indicator on every day, and the policy cost.
    for (std::size_t indicator = 0; indicator < run.series.size(); ++indicator)
      for (std::int64_t day = 0; day < run.days_run; ++day) (void)run.value(indicator, day);
    (void)run.mean_annual_policy_cost_eur();
  } catch (const InputError&) {
  }
  try {
    (void)viz::read_run_data(path);
  } catch (const InputError&) {
  }
  read_as_sweeps_do(path);
  return 0;
}
