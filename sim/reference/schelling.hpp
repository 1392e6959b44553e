// Schelling's segregation model as a reference model (docs/model.md section 9, docs/reference-models.md).
// One implementation serves both published variants: the ABM framework comparison (non-periodic grid,
// a count of same-group neighbours, sticky happiness, every agent activated in a random order) and the
// NetLogo "Segregation" model (torus, a fraction of neighbours, unhappy agents move, all re-evaluate).
// Assumes a validated ReferenceSchellingConfig (sim/io checks ranges: at least one empty cell when
// agents is set, 2 * radius + 1 <= width and height on a torus). Randomness comes only from
// RandomPurpose::reference_schelling keyed by (seed, step, 0); the same seed gives the same run.
// The grid is flat and padded by the radius (ghost copies on a torus, empty walls otherwise), so a
// neighbourhood count has no bounds checks; empty cells sit in an array for O(1) random choice, and
// a step allocates nothing.
#pragma once

#include "core/random.hpp"
#include "world/scenario_config.hpp"

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace convivia {

struct SchellingMeasures {
  double percent_similar = 0.0;  // 100 * sum of same-group neighbours / sum of all neighbours, over agents
  double percent_unhappy = 0.0;  // 100 * share of agents who fail the happiness test where they stand
};

class SchellingModel {
 public:
  SchellingModel(const ReferenceSchellingConfig& config, std::uint64_t seed);

  // One step (framework) or tick (netlogo); returns the number of agents that moved.
  std::int64_t step();
  // Framework rules: every agent has become happy; netlogo rules: every agent passes the test now.
  bool all_happy() const { return happy_count_ == agent_count(); }
  // True once the step limit is reached, or all are happy and the configuration stops there.
  bool finished() const;
  SchellingMeasures measure() const;

  int steps_done() const { return steps_done_; }
  std::int64_t agent_count() const { return static_cast<std::int64_t>(agent_cell_.size()); }
  std::int64_t empty_count() const { return static_cast<std::int64_t>(empty_cells_.size()); }
  int width() const { return width_; }
  int height() const { return height_; }
  // Cell (y * width + x) and group (0 or 1) of each agent.
  std::span<const std::uint32_t> agent_cells() const { return agent_cell_; }
  std::span<const std::uint8_t> agent_groups() const { return agent_group_; }
  // The grid, row-major: 0 empty, 1 + group of the agent in the cell.
  std::vector<std::uint8_t> grid() const;
  // Neighbours of a cell: (same-group as `group`, all occupied), excluding the cell itself.
  std::pair<int, int> count_neighbours(std::uint32_t cell, std::uint8_t group) const;

 private:
  std::size_t padded_index(std::uint32_t cell) const;
  void set_cell(std::uint32_t cell, std::uint8_t value);
  bool passes(std::uint32_t cell, std::uint8_t group) const;
  void move_to_random_empty(std::uint32_t agent, RandomStream& random);
  std::int64_t step_framework(RandomStream& random);
  std::int64_t step_netlogo(RandomStream& random);
  void reevaluate_all();

  ReferenceSchellingConfig config_;
  std::uint64_t seed_;
  int width_, height_, radius_, padded_width_, padded_height_;
  std::vector<std::uint8_t> padded_;      // 0 empty, 1 + group; ghosts (torus) or walls around the grid
  std::vector<int> needed_same_;          // same-group neighbours needed, by number of neighbours
  std::vector<std::uint32_t> agent_cell_;
  std::vector<std::uint8_t> agent_group_;
  std::vector<std::uint8_t> agent_happy_;
  std::vector<std::uint32_t> empty_cells_;
  std::vector<std::uint32_t> order_;      // scratch: activation order or the unhappy agents
  std::int64_t happy_count_ = 0;
  int steps_done_ = 0;
};

// The state after setup (step 0) and after every step of a run.
struct SchellingSeries {
  std::vector<std::int32_t> step;
  std::vector<double> percent_similar;
  std::vector<double> percent_unhappy;
  std::vector<std::int64_t> moved;
};

// Steps the model until it is finished. With a series, records setup and every step into it.
void run_schelling(SchellingModel& model, SchellingSeries* series = nullptr);

}  // namespace convivia
