// Sweep file parsing: every key read, and each kind of bad input reported with file, line and key.
#include "analysis/sweep_file.hpp"
#include "analysis/sweep_test_support.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace convivia::sweep {
namespace {

using testing::expect_sweep_error;
using testing::sweep_from;
using testing::tiny_sweep;

TEST(SweepFile, ReadsEveryPart) {
  const SweepFile sweep = sweep_from(R"(
name = "demo"
base = "tiny.toml"
seed = 99
replicates = 4
common_random_numbers = false
[set]
run.days = 12
city.synthetic.residents = 500
[design]
kind = "latin_hypercube"
points = 8
[[factors]]
key = "encounters.avoidance"
range = [0.2, 0.8]
[[factors]]
name = "rate"
key = "encounters.rate_positive"
range = [0.001, 0.1]
distribution = "log_uniform"
[[factors]]
key = "policies[0].intensity"
values = [0.0, 1.0]
[[outcomes]]
name = "trust"
series = "daily/mean_outgroup_trust"
summary = "mean"
window = [5, 11]
[[outcomes]]
series = "daily/trust_matrix"
summary = "series"
select = { group = "majority" }
)");
  EXPECT_EQ(sweep.name, "demo");
  EXPECT_EQ(sweep.seed, 99u);
  EXPECT_EQ(sweep.replicates, 4);
  EXPECT_FALSE(sweep.common_random_numbers);
  // Keys of a table come in name order (toml++ keeps tables sorted).
  ASSERT_EQ(sweep.fixed.size(), 2u);
  EXPECT_EQ(sweep.fixed[0].key, "city.synthetic.residents");
  EXPECT_EQ(sweep.fixed[0].literal, "500");
  EXPECT_EQ(sweep.fixed[1].key, "run.days");
  EXPECT_EQ(sweep.fixed[1].line, 8);
  EXPECT_EQ(sweep.design.kind, DesignKind::latin_hypercube);
  EXPECT_EQ(sweep.design.points, 8);
  ASSERT_EQ(sweep.factors.size(), 3u);
  EXPECT_EQ(sweep.factors[0].name, "encounters.avoidance");
  EXPECT_FALSE(sweep.factors[0].policy);
  EXPECT_EQ(sweep.factors[1].name, "rate");
  EXPECT_EQ(sweep.factors[1].distribution, Distribution::log_uniform);
  EXPECT_TRUE(sweep.factors[2].policy) << "keys under policies are policy factors by default";
  EXPECT_EQ(sweep.factors[2].values[1].literal, "1.0");
  ASSERT_EQ(sweep.outcomes.size(), 2u);
  EXPECT_EQ(sweep.outcomes[0].summary, Summary::mean);
  EXPECT_EQ(sweep.outcomes[0].window->second, 11.0);
  EXPECT_EQ(sweep.outcomes[1].name, "trust_matrix");
  EXPECT_EQ(sweep.outcomes[1].select.at(0).second, "majority");
  EXPECT_NE(sweep.base.find("scenarios/tests/tiny.toml"), std::string::npos);
}

TEST(SweepFile, TableValuesBecomeInlineTomlAndKeepTheirLabels) {
  const SweepFile sweep = sweep_from(tiny_sweep(R"(
[[factors]]
name = "policy"
key = "policies"
values = [[], [{kind = "mixing_events", intensity = 0.5, start_day = 0, annual_cost = 10}]]
labels = ["none", "mixing"]
policy = false
)"));
  const FactorSpec& factor = sweep.factors.at(0);
  EXPECT_FALSE(factor.policy) << "policy = false overrides the default";
  EXPECT_EQ(factor.values[0].literal, "[]");
  EXPECT_EQ(factor.values[1].literal, "[{annual_cost = 10, intensity = 0.5, kind = \"mixing_events\", start_day = 0}]");
  EXPECT_EQ(factor.values[1].label, "mixing");
  EXPECT_TRUE(std::isnan(factor.values[1].number));
}

TEST(SweepFile, ErrorsNameLineAndKey) {
  expect_sweep_error(tiny_sweep("[[factors]]\nkey = \"encounters.avoidance\"\nvaleus = [1]\n"), 5, "factors[0].valeus",
                     "known keys in factors[0]: key, name, values");
  expect_sweep_error(tiny_sweep("[[factors]]\nkey = \"a\"\nvalues = [1]\nrange = [0, 1]\n"), 3, "factors[0]", "not both");
  expect_sweep_error(tiny_sweep("[[factors]]\nkey = \"a\"\nrange = [0, 1]\ndistribution = \"gauss\"\n[design]\nkind=\"sobol\"\npoints=4\n"), 6,
                     "factors[0].distribution", "expected one of \"uniform\", \"log_uniform\", \"integer\", \"normal\"");
  expect_sweep_error(tiny_sweep("[design]\nkind = \"sobol\"\npoints = 4\n[[factors]]\nkey = \"a\"\nrange = [0, 1]\ndistribution = \"log_uniform\"\n"),
                     8, "factors[0].range", "min > 0");
  expect_sweep_error(tiny_sweep("[[factors]]\nkey = \"a\"\nrange = [0, 1]\n"), 3, "factors[0].levels", "levels = n");
  expect_sweep_error(tiny_sweep("[design]\nkind = \"morris\"\ntrajectories = 3\nlevels = 5\n[[factors]]\nkey = \"a\"\nrange = [0, 1]\n"), 6,
                     "design.levels", "even number");
  expect_sweep_error(tiny_sweep("[[factors]]\nkey = \"a\"\nvalues = [1]\n[[factors]]\nkey = \"b\"\nname = \"a\"\nvalues = [2]\n"), 8,
                     "factors[1].name", "unique name");
  expect_sweep_error(tiny_sweep("[[factors]]\nkey = \"a\"\nname = \"seed\"\nvalues = [1]\n"), 5, "factors[0].name", "column name");
  expect_sweep_error(tiny_sweep("[[factors]]\nkey = \"run.seed\"\nvalues = [1]\n"), 4, "factors[0].key", "replicates");
  expect_sweep_error(tiny_sweep("[[factors]]\nkey = \"a\"\nvalues = [1, 1]\n"), 5, "factors[0].values[1]", "listed twice");
  expect_sweep_error(tiny_sweep("[design]\nkind = \"latin_hypercube\"\n[[factors]]\nkey = \"a\"\nrange = [0, 1]\n"), 3, "design.points",
                     "number of design points");
  expect_sweep_error("base = \"tiny.toml\"\n[[factors]]\nkey = \"a\"\nvalues = [1]\n", 0, "outcomes", "at least one [[outcomes]]");
  expect_sweep_error("base = \"missing.toml\"\n", 1, "base", "not found");
  expect_sweep_error("base = \"tiny.toml\"\nseed = -1\n", 2, "seed", "expected an integer in [0,");
  expect_sweep_error("base = \"tiny.toml\"\n[set]\nrun.seed = 3\n", 3, "set.run.seed", "master seed");
  expect_sweep_error(tiny_sweep("[[factors]]\nkey = \"a\"\nvalues = [1]\n").append("window = [1, 2]\n"), 10, "outcomes[0].window",
                     "applies to summary = \"mean\"");
  expect_sweep_error(tiny_sweep("[[factors]]\nkey = \"a\"\nvalues = [1]\n").append("summary = \"median\"\n"), 10, "outcomes[0].summary",
                     "\"final\", \"mean\"");
  expect_sweep_error("base = \"tiny.toml\"\nx = [\n", 2, "", "TOML syntax error");
}

TEST(SweepFile, IshigamiNeedsItsThreeInputs) {
  const std::string header = "model = \"ishigami\"\n[design]\nkind = \"saltelli\"\nbase_points = 8\n";
  const std::string x = "[[factors]]\nkey = \"x1\"\nrange = [-3.14, 3.14]\n[[factors]]\nkey = \"x2\"\nrange = [-3.14, 3.14]\n";
  const SweepFile sweep = sweep_from(header + x + "[[factors]]\nkey = \"x3\"\nrange = [-3.14, 3.14]\n");
  EXPECT_EQ(sweep.model, SweepModel::ishigami);
  ASSERT_EQ(sweep.outcomes.size(), 1u);
  EXPECT_EQ(sweep.outcomes[0].name, "y");
  expect_sweep_error(header + x, 0, "factors", "none sets \"x3\"");
  expect_sweep_error(header + x + "[[factors]]\nkey = \"x4\"\nrange = [0, 1]\n", 12, "factors[2].key", "input of the ishigami function");
  expect_sweep_error("base = \"tiny.toml\"\n" + header + x, 1, "base", "runs no scenario");
}

}  // namespace
}  // namespace convivia::sweep
