// Schelling's segregation model (see schelling.hpp for the rules and what is assumed).
#include "reference/schelling.hpp"

#include "core/assert.hpp"

#include <algorithm>
#include <cmath>

namespace convivia {
namespace {

// Random streams: tick 0 places the agents, tick s >= 1 drives step s.
constexpr std::uint32_t placement_tick = 0;

template <class T>
void shuffle(std::vector<T>& values, RandomStream& random) {
  for (std::size_t i = values.size(); i > 1; --i) {
    const std::size_t j = random.below(static_cast<std::uint32_t>(i));
    std::swap(values[i - 1], values[j]);
  }
}

}  // namespace

SchellingModel::SchellingModel(const ReferenceSchellingConfig& config, std::uint64_t seed)
    : config_(config),
      seed_(seed),
      width_(config.width),
      height_(config.height),
      radius_(config.radius),
      padded_width_(config.width + 2 * config.radius),
      padded_height_(config.height + 2 * config.radius) {
  CONVIVIA_CHECK(width_ > 0 && height_ > 0 && radius_ >= 1, "Schelling grid and radius must be positive");
  CONVIVIA_CHECK(!config.torus || (2 * radius_ + 1 <= width_ && 2 * radius_ + 1 <= height_),
                 "on a torus the neighbourhood must fit in the grid");
  const std::int64_t cells = static_cast<std::int64_t>(width_) * height_;
  CONVIVIA_CHECK(config.agents < cells, "Schelling needs at least one empty cell");
  padded_.assign(static_cast<std::size_t>(padded_width_) * static_cast<std::size_t>(padded_height_), 0);

  // Threshold by number of neighbours, in integers so that 0.3 * 10 needs exactly 3.
  const int max_neighbours = (2 * radius_ + 1) * (2 * radius_ + 1) - 1;
  needed_same_.resize(static_cast<std::size_t>(max_neighbours) + 1);
  for (int total = 0; total <= max_neighbours; ++total) {
    const int by_fraction = static_cast<int>(std::ceil(config.similar_wanted * total - 1e-9));
    needed_same_[static_cast<std::size_t>(total)] = std::max(config.min_similar, by_fraction);
  }

  RandomStream random(seed_, RandomPurpose::reference_schelling, placement_tick, 0);
  if (config.agents > 0) {
    // K distinct random cells (partial Fisher-Yates); the first half of the agents is group 0.
    std::vector<std::uint32_t> cell_order(static_cast<std::size_t>(cells));
    for (std::size_t c = 0; c < cell_order.size(); ++c) cell_order[c] = static_cast<std::uint32_t>(c);
    const auto agents = static_cast<std::size_t>(config.agents);
    for (std::size_t i = 0; i < agents; ++i) {
      const std::size_t j = i + random.below(static_cast<std::uint32_t>(cell_order.size() - i));
      std::swap(cell_order[i], cell_order[j]);
    }
    agent_cell_.assign(cell_order.begin(), cell_order.begin() + static_cast<std::ptrdiff_t>(agents));
    agent_group_.resize(agents);
    for (std::size_t a = 0; a < agents; ++a) agent_group_[a] = a < agents / 2 ? 0 : 1;
    empty_cells_.assign(cell_order.begin() + static_cast<std::ptrdiff_t>(agents), cell_order.end());
  } else {
    // NetLogo's setup: each patch sprouts an agent with chance density, of a random colour.
    for (std::uint32_t c = 0; c < static_cast<std::uint32_t>(cells); ++c) {
      if (random.uniform_double() < config.density) {
        agent_cell_.push_back(c);
        agent_group_.push_back(static_cast<std::uint8_t>(random.below(2)));
      } else {
        empty_cells_.push_back(c);
      }
    }
  }
  for (std::size_t a = 0; a < agent_cell_.size(); ++a) set_cell(agent_cell_[a], static_cast<std::uint8_t>(1 + agent_group_[a]));
  agent_happy_.assign(agent_cell_.size(), 0);
  order_.reserve(agent_cell_.size());
  for (std::size_t a = 0; a < agent_cell_.size(); ++a) order_.push_back(static_cast<std::uint32_t>(a));
  // The framework declaration starts everyone unhappy; NetLogo evaluates everyone at setup.
  if (config.rules == SchellingRules::netlogo) reevaluate_all();
}

std::size_t SchellingModel::padded_index(std::uint32_t cell) const {
  const auto x = static_cast<std::size_t>(cell % static_cast<std::uint32_t>(width_));
  const auto y = static_cast<std::size_t>(cell / static_cast<std::uint32_t>(width_));
  const auto r = static_cast<std::size_t>(radius_);
  return (y + r) * static_cast<std::size_t>(padded_width_) + x + r;
}

void SchellingModel::set_cell(std::uint32_t cell, std::uint8_t value) {
  padded_[padded_index(cell)] = value;
  if (!config_.torus) return;
  // Ghost copies: the cell seen across each edge it lies within radius of.
  const int x = static_cast<int>(cell % static_cast<std::uint32_t>(width_)) + radius_;
  const int y = static_cast<int>(cell / static_cast<std::uint32_t>(width_)) + radius_;
  for (int ky = -1; ky <= 1; ++ky) {
    const int gy = y + ky * height_;
    if (gy < 0 || gy >= padded_height_) continue;
    for (int kx = -1; kx <= 1; ++kx) {
      const int gx = x + kx * width_;
      if ((kx == 0 && ky == 0) || gx < 0 || gx >= padded_width_) continue;
      padded_[static_cast<std::size_t>(gy) * static_cast<std::size_t>(padded_width_) + static_cast<std::size_t>(gx)] = value;
    }
  }
}

std::pair<int, int> SchellingModel::count_neighbours(std::uint32_t cell, std::uint8_t group) const {
  const std::uint8_t own = static_cast<std::uint8_t>(1 + group);
  const std::size_t centre = padded_index(cell);
  const std::size_t row_length = static_cast<std::size_t>(2 * radius_ + 1);
  const std::uint8_t* row = padded_.data() + centre - static_cast<std::size_t>(radius_) * (static_cast<std::size_t>(padded_width_) + 1);
  int same = 0, occupied = 0;
  for (std::size_t dy = 0; dy < row_length; ++dy, row += padded_width_) {
    for (std::size_t dx = 0; dx < row_length; ++dx) {
      same += row[dx] == own;
      occupied += row[dx] != 0;
    }
  }
  // The cell itself was counted if it holds an agent of that group.
  const std::uint8_t self = padded_[centre];
  return {same - (self == own), occupied - (self != 0)};
}

bool SchellingModel::passes(std::uint32_t cell, std::uint8_t group) const {
  const auto [same, occupied] = count_neighbours(cell, group);
  return same >= needed_same_[static_cast<std::size_t>(occupied)];
}

void SchellingModel::move_to_random_empty(std::uint32_t agent, RandomStream& random) {
  if (empty_cells_.empty()) return;
  const std::uint32_t slot = random.below(static_cast<std::uint32_t>(empty_cells_.size()));
  const std::uint32_t from = agent_cell_[agent];
  const std::uint32_t to = empty_cells_[slot];
  empty_cells_[slot] = from;
  set_cell(from, 0);
  set_cell(to, static_cast<std::uint8_t>(1 + agent_group_[agent]));
  agent_cell_[agent] = to;
}

void SchellingModel::reevaluate_all() {
  happy_count_ = 0;
  for (std::size_t a = 0; a < agent_cell_.size(); ++a) {
    agent_happy_[a] = passes(agent_cell_[a], agent_group_[a]) ? 1 : 0;
    happy_count_ += agent_happy_[a];
  }
}

std::int64_t SchellingModel::step_framework(RandomStream& random) {
  // order_ holds a permutation of all agents; shuffling it again gives a fresh uniform order.
  shuffle(order_, random);
  std::int64_t moved = 0;
  for (std::uint32_t agent : order_) {
    if (agent_happy_[agent]) continue;
    if (passes(agent_cell_[agent], agent_group_[agent])) {
      agent_happy_[agent] = 1;
      ++happy_count_;
    } else {
      move_to_random_empty(agent, random);
      ++moved;
    }
  }
  return moved;
}

std::int64_t SchellingModel::step_netlogo(RandomStream& random) {
  order_.clear();
  for (std::size_t a = 0; a < agent_cell_.size(); ++a) {
    if (!agent_happy_[a]) order_.push_back(static_cast<std::uint32_t>(a));
  }
  shuffle(order_, random);
  for (std::uint32_t agent : order_) move_to_random_empty(agent, random);
  reevaluate_all();
  return static_cast<std::int64_t>(order_.size());
}

std::int64_t SchellingModel::step() {
  ++steps_done_;
  RandomStream random(seed_, RandomPurpose::reference_schelling, static_cast<std::uint32_t>(steps_done_), 0);
  return config_.rules == SchellingRules::framework ? step_framework(random) : step_netlogo(random);
}

bool SchellingModel::finished() const {
  return steps_done_ >= config_.max_steps || (config_.stop_when_all_happy && all_happy());
}

SchellingMeasures SchellingModel::measure() const {
  std::int64_t same_sum = 0, occupied_sum = 0, unhappy = 0;
  for (std::size_t a = 0; a < agent_cell_.size(); ++a) {
    const auto [same, occupied] = count_neighbours(agent_cell_[a], agent_group_[a]);
    same_sum += same;
    occupied_sum += occupied;
    unhappy += same < needed_same_[static_cast<std::size_t>(occupied)];
  }
  SchellingMeasures measures;
  if (occupied_sum > 0) measures.percent_similar = 100.0 * static_cast<double>(same_sum) / static_cast<double>(occupied_sum);
  if (!agent_cell_.empty()) {
    measures.percent_unhappy = 100.0 * static_cast<double>(unhappy) / static_cast<double>(agent_cell_.size());
  }
  return measures;
}

std::vector<std::uint8_t> SchellingModel::grid() const {
  std::vector<std::uint8_t> cells(static_cast<std::size_t>(width_) * static_cast<std::size_t>(height_), 0);
  for (std::size_t a = 0; a < agent_cell_.size(); ++a) cells[agent_cell_[a]] = static_cast<std::uint8_t>(1 + agent_group_[a]);
  return cells;
}

void run_schelling(SchellingModel& model, SchellingSeries* series) {
  auto record = [series, &model](std::int64_t moved) {
    if (series == nullptr) return;
    const SchellingMeasures measures = model.measure();
    series->step.push_back(model.steps_done());
    series->percent_similar.push_back(measures.percent_similar);
    series->percent_unhappy.push_back(measures.percent_unhappy);
    series->moved.push_back(moved);
  };
  record(0);
  while (!model.finished()) record(model.step());
}

}  // namespace convivia
