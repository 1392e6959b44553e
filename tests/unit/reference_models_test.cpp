// Invariants of the reference models (sim/reference): Schelling conserves its agents, never puts two
// in one cell, counts fewer neighbours at non-periodic edges and is deterministic for a seed; Axelrod
// keeps its incremental count of active bonds exact and stops only when no bond is active.
#include "reference/axelrod.hpp"
#include "reference/schelling.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <vector>

namespace convivia {
namespace {

ReferenceSchellingConfig small_framework() {
  ReferenceSchellingConfig c;
  c.rules = SchellingRules::framework;
  c.width = 40;
  c.height = 40;
  c.torus = false;
  c.agents = 1000;
  c.radius = 1;
  c.min_similar = 3;
  c.similar_wanted = 0.0;
  c.max_steps = 20;
  c.stop_when_all_happy = false;
  return c;
}

// Agents per group and the occupied cells, checked against the grid.
void expect_consistent(const SchellingModel& model, std::int64_t group0, std::int64_t group1) {
  const auto cells = model.agent_cells();
  const auto groups = model.agent_groups();
  std::vector<std::uint32_t> sorted(cells.begin(), cells.end());
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(std::adjacent_find(sorted.begin(), sorted.end()), sorted.end()) << "two agents share a cell";
  EXPECT_EQ(std::count(groups.begin(), groups.end(), 0), group0);
  EXPECT_EQ(std::count(groups.begin(), groups.end(), 1), group1);
  const std::vector<std::uint8_t> grid = model.grid();
  EXPECT_EQ(std::count(grid.begin(), grid.end(), 0), model.empty_count());
  EXPECT_EQ(model.agent_count() + model.empty_count(), static_cast<std::int64_t>(grid.size()));
}

TEST(SchellingModel, FrameworkRulesConserveAgentsAndCells) {
  SchellingModel model(small_framework(), 3);
  expect_consistent(model, 500, 500);
  std::int64_t moved = 0;
  while (!model.finished()) moved += model.step();
  EXPECT_GT(moved, 0);
  EXPECT_EQ(model.steps_done(), 20);
  expect_consistent(model, 500, 500);
}

TEST(SchellingModel, NetlogoRulesConserveAgentsAndCells) {
  ReferenceSchellingConfig config;  // defaults: NetLogo rules on a 51 x 51 torus
  SchellingModel model(config, 5);
  const auto groups = model.agent_groups();
  const std::int64_t group0 = std::count(groups.begin(), groups.end(), 0);
  const std::int64_t group1 = model.agent_count() - group0;
  std::int64_t moved = 0;
  while (!model.finished()) moved += model.step();
  EXPECT_GT(moved, 0);
  expect_consistent(model, group0, group1);
  EXPECT_TRUE(model.all_happy());
  EXPECT_DOUBLE_EQ(model.measure().percent_unhappy, 0.0);
}

TEST(SchellingModel, NonPeriodicEdgesHaveFewerNeighbours) {
  // A full grid but for one cell: a corner has 3 neighbours, an edge cell 5, an inner cell 8.
  ReferenceSchellingConfig config = small_framework();
  config.width = 10;
  config.height = 10;
  config.agents = 99;
  SchellingModel model(config, 1);
  const std::vector<std::uint8_t> start = model.grid();
  const auto empty_cell = static_cast<std::uint32_t>(std::find(start.begin(), start.end(), 0) - start.begin());
  auto occupied_around = [&](std::uint32_t cell) { return model.count_neighbours(cell, 0).second; };
  const std::uint32_t corner = empty_cell == 0 ? 99 : 0;
  const std::uint32_t edge = empty_cell == 5 ? 4 : 5;                // on the bottom row
  const std::uint32_t inner = empty_cell == 55 ? 44 : 55;
  auto touches_empty = [&](std::uint32_t cell) {
    const int dx = static_cast<int>(cell % 10) - static_cast<int>(empty_cell % 10);
    const int dy = static_cast<int>(cell / 10) - static_cast<int>(empty_cell / 10);
    return std::abs(dx) <= 1 && std::abs(dy) <= 1;
  };
  EXPECT_EQ(occupied_around(corner), 3 - touches_empty(corner));
  EXPECT_EQ(occupied_around(edge), 5 - touches_empty(edge));
  EXPECT_EQ(occupied_around(inner), 8 - touches_empty(inner));

  config.torus = true;
  SchellingModel torus(config, 1);
  const std::vector<std::uint8_t> grid = torus.grid();
  const std::uint32_t torus_empty = static_cast<std::uint32_t>(std::find(grid.begin(), grid.end(), 0) - grid.begin());
  const std::uint32_t probe = torus_empty == 0 ? 99 : 0;
  const int wrap_dx = std::min<int>(std::abs(static_cast<int>(probe % 10) - static_cast<int>(torus_empty % 10)),
                                    10 - std::abs(static_cast<int>(probe % 10) - static_cast<int>(torus_empty % 10)));
  const int wrap_dy = std::min<int>(std::abs(static_cast<int>(probe / 10) - static_cast<int>(torus_empty / 10)),
                                    10 - std::abs(static_cast<int>(probe / 10) - static_cast<int>(torus_empty / 10)));
  EXPECT_EQ(torus.count_neighbours(probe, 0).second, 8 - (wrap_dx <= 1 && wrap_dy <= 1));
}

TEST(SchellingModel, SameSeedSameRunOtherSeedOtherRun) {
  auto final_grid = [](std::uint64_t seed) {
    SchellingModel model(small_framework(), seed);
    run_schelling(model);
    return model.grid();
  };
  EXPECT_EQ(final_grid(9), final_grid(9));
  EXPECT_NE(final_grid(9), final_grid(10));
}

TEST(SchellingModel, SeriesStartsAfterSetupAndRecordsEveryStep) {
  SchellingModel model(small_framework(), 2);
  SchellingSeries series;
  run_schelling(model, &series);
  ASSERT_EQ(series.step.size(), 21u);
  EXPECT_EQ(series.step.front(), 0);
  EXPECT_EQ(series.step.back(), 20);
  EXPECT_EQ(series.moved.front(), 0);
  // Everyone starts unhappy under the framework rules, so the first step moves many agents.
  EXPECT_GT(series.moved[1], 100);
}

ReferenceAxelrodConfig axelrod_config(int features, int traits) {
  ReferenceAxelrodConfig c;
  c.features = features;
  c.traits = traits;
  return c;
}

TEST(AxelrodModel, IncrementalActiveBondsMatchARecount) {
  AxelrodModel model(axelrod_config(5, 10), 4);
  EXPECT_EQ(model.active_bonds(), model.count_active_bonds());
  for (int chunk = 0; chunk < 50 && !model.absorbed(); ++chunk) {
    model.run(model.events() + 997);
    ASSERT_EQ(model.active_bonds(), model.count_active_bonds()) << "after " << model.events() << " events";
  }
}

TEST(AxelrodModel, AbsorptionLeavesNoActiveBond) {
  for (std::uint64_t seed = 1; seed <= 5; ++seed) {
    AxelrodModel model(axelrod_config(5, 10), seed);
    run_axelrod(model, 100'000'000, 1000);
    ASSERT_TRUE(model.absorbed());
    EXPECT_EQ(model.count_active_bonds(), 0);
    EXPECT_GT(model.events(), 0);
    // At absorption neighbouring regions differ on every feature, so regions are at least cultures.
    EXPECT_GE(model.stable_regions(), model.distinct_cultures());
  }
}

TEST(AxelrodModel, EventLimitStopsBeforeAbsorption) {
  AxelrodModel model(axelrod_config(5, 10), 1);
  run_axelrod(model, 100, 10);
  EXPECT_EQ(model.events(), 100);
  EXPECT_FALSE(model.absorbed());
}

TEST(AxelrodModel, SameSeedSameCultureWhateverTheSampling) {
  AxelrodModel a(axelrod_config(5, 10), 8);
  AxelrodModel b(axelrod_config(5, 10), 8);
  AxelrodSeries series;
  run_axelrod(a, 100'000'000, 1000, &series);
  run_axelrod(b, 100'000'000, 37);
  EXPECT_EQ(a.events(), b.events());
  EXPECT_TRUE(std::equal(a.culture().begin(), a.culture().end(), b.culture().begin(), b.culture().end()));
  EXPECT_EQ(series.events.back(), a.events());
  EXPECT_EQ(series.active_bonds.back(), 0);
  AxelrodModel c(axelrod_config(5, 10), 9);
  run_axelrod(c, 100'000'000, 1000);
  EXPECT_FALSE(std::equal(a.culture().begin(), a.culture().end(), c.culture().begin(), c.culture().end()));
}

TEST(AxelrodModel, RegionsOfAUniformLatticeIsOne) {
  AxelrodModel model(axelrod_config(3, 1), 1);  // one trait per feature: every site alike
  EXPECT_TRUE(model.absorbed());
  EXPECT_EQ(model.stable_regions(), 1);
  EXPECT_EQ(model.distinct_cultures(), 1);
}

}  // namespace
}  // namespace convivia
