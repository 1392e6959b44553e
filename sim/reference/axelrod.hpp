// Axelrod's (1997) dissemination of culture as a reference model (docs/model.md section 9,
// docs/reference-models.md). Sites of a non-periodic width x height lattice each hold F features of
// q traits. An event picks a random site and one of its von Neumann neighbours at random; if their
// overlap (features with equal traits) is strictly between 0 and F they interact with probability
// overlap / F, and the site copies the neighbour's trait on one randomly chosen differing feature.
// The run is absorbed when no neighbouring pair has 0 < overlap < F. The overlap of every bond and
// the count of active bonds are kept up to date as traits change, so absorption is known without a
// rescan. Randomness comes only from RandomPurpose::reference_axelrod: tick 0 draws the initial
// cultures; event e uses tick 1 + e / 2^20 and entity e % 2^20. Assumes a validated
// ReferenceAxelrodConfig (features <= 64, traits <= 256).
#pragma once

#include "core/random.hpp"
#include "world/scenario_config.hpp"

#include <cstdint>
#include <span>
#include <vector>

namespace convivia {

class AxelrodModel {
 public:
  AxelrodModel(const ReferenceAxelrodConfig& config, std::uint64_t seed);

  // Runs events until `event_limit` events have happened in total or the lattice is absorbed;
  // returns the events run by this call.
  std::int64_t run(std::int64_t event_limit);
  bool absorbed() const { return active_bonds_ == 0; }

  std::int64_t events() const { return events_; }
  std::int64_t active_bonds() const { return active_bonds_; }
  int site_count() const { return site_count_; }
  int width() const { return config_.width; }
  int height() const { return config_.height; }
  int features() const { return config_.features; }
  // Traits, site-major: culture()[site * F + f]; site = y * width + x.
  std::span<const std::uint8_t> culture() const { return culture_; }

  // Label of each site's region: sites joined through von Neumann neighbours of identical culture
  // share a label; labels are 0, 1, ... in order of each region's first site.
  std::vector<std::int32_t> region_labels() const;
  int stable_regions() const;
  int distinct_cultures() const;
  // Active bonds counted from scratch (for tests of the incremental count).
  std::int64_t count_active_bonds() const;

 private:
  int overlap(int site_a, int site_b) const;
  bool active(int overlap_value) const { return overlap_value > 0 && overlap_value < config_.features; }

  ReferenceAxelrodConfig config_;
  std::uint64_t seed_;
  int site_count_;
  std::vector<std::uint8_t> culture_;
  std::vector<std::int32_t> neighbour_;     // site * 4 + k, the first degree_[site] entries valid
  std::vector<std::int32_t> bond_;          // site * 4 + k: index of that bond in bond_overlap_
  std::vector<std::uint8_t> degree_;
  std::vector<std::uint8_t> bond_overlap_;
  std::int64_t active_bonds_ = 0;
  std::int64_t events_ = 0;
};

// Samples of the state: after setup, every sample_events events, and at the end.
struct AxelrodSeries {
  std::vector<std::int64_t> events;
  std::vector<std::int64_t> active_bonds;
  std::vector<std::int32_t> distinct_cultures;
};

// Runs the model to absorption or max_events. With a series, records samples into it.
void run_axelrod(AxelrodModel& model, std::int64_t max_events, std::int64_t sample_events,
                 AxelrodSeries* series = nullptr);

}  // namespace convivia
