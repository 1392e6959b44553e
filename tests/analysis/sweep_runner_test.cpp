// Shards, the choice of runs at once and threads per run, Slurm array layouts and scripts, the
// built-in Ishigami function and the scalar summaries of a series.
#include "analysis/run_outcomes.hpp"
#include "analysis/slurm_script.hpp"
#include "analysis/sweep_runner.hpp"
#include "analysis/sweep_test_support.hpp"
#include "analysis/test_models.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

namespace convivia::sweep {
namespace {

TEST(Shards, BalancedContiguousBlocksCoverEveryRunOnce) {
  for (int runs : {1, 7, 12, 1000}) {
    for (int count : {1, 2, 3, 5, 12}) {
      int next = 0;
      for (int i = 0; i < count; ++i) {
        const auto [begin, end] = shard_range(runs, Shard{i, count});
        EXPECT_EQ(begin, next);
        EXPECT_LE(end - begin, (runs + count - 1) / count);
        next = end;
      }
      EXPECT_EQ(next, runs);
    }
  }
}

TEST(Parallelism, OneThreadPerRunUnlessRunsOrMemoryAreShort) {
  const double plenty = 64e9;
  Parallelism p = choose_parallelism(8, 100, 10'000, plenty, 0, 0);
  EXPECT_EQ(p.jobs, 8);
  EXPECT_EQ(p.threads, 1);
  p = choose_parallelism(8, 2, 10'000, plenty, 0, 0);
  EXPECT_EQ(p.jobs, 2);
  EXPECT_EQ(p.threads, 4) << "spare cores go to threads";
  p = choose_parallelism(8, 100, 4'000'000, 3e9, 0, 0);
  EXPECT_EQ(p.jobs, 1) << "a 4M-resident city needs over a GiB per run";
  EXPECT_EQ(p.threads, 8);
  p = choose_parallelism(8, 100, 10'000, plenty, 3, 2);
  EXPECT_EQ(p.jobs, 3);
  EXPECT_EQ(p.threads, 2);
}

TEST(Slurm, TasksBundleRunsAndArraysRespectTheMaximumSize) {
  SlurmLayout layout = slurm_layout(10, 4, 2);
  EXPECT_EQ(layout.tasks, 3);
  EXPECT_EQ(layout.runs_per_task, 4);
  ASSERT_EQ(layout.chunks.size(), 2u);
  EXPECT_EQ(layout.chunks[0].offset, 0);
  EXPECT_EQ(layout.chunks[0].count, 2);
  EXPECT_EQ(layout.chunks[1].offset, 2);
  EXPECT_EQ(layout.chunks[1].count, 1);
  layout = slurm_layout(2500, 1, 0);
  EXPECT_EQ(layout.max_array, 1001) << "Slurm's default MaxArraySize";
  EXPECT_EQ(layout.chunks.size(), 3u);
  EXPECT_EQ(layout.chunks[2].count, 2500 - 2002);
  const std::vector<std::string> arguments = sbatch_arguments(ArrayChunk{1001, 498}, "/d/slurm/sweep.sbatch");
  EXPECT_EQ(arguments, (std::vector<std::string>{"--parsable", "--array=0-497", "--export=ALL,CONVIVIA_TASK_OFFSET=1001", "/d/slurm/sweep.sbatch"}));
}

TEST(Slurm, ScriptRunsOneShardPerTask) {
  SweepFile sweep;
  sweep.name = "my sweep";
  SlurmOptions options;
  options.cpus_per_task = 2;
  options.time_limit = "01:00:00";
  options.extra = {"--account=abc"};
  const std::string script = sbatch_script(sweep, slurm_layout(10, 4, 2), options, "/bin/convivia", "/s/it's.toml", "/d");
  for (const char* line : {"#SBATCH --job-name=convivia-my_sweep\n", "#SBATCH --array=0-1\n", "#SBATCH --cpus-per-task=2\n",
                           "#SBATCH --time=01:00:00\n", "#SBATCH --account=abc\n", "#SBATCH --output=/d/slurm/task-%A_%a.out\n",
                           "task=$(( SLURM_ARRAY_TASK_ID + ${CONVIVIA_TASK_OFFSET:-0} ))\n",
                           "exec '/bin/convivia' sweep run '/s/it'\\''s.toml' -o '/d' --shard \"$task/3\" --cores \"${SLURM_CPUS_PER_TASK:-2}\"\n"})
    EXPECT_NE(script.find(line), std::string::npos) << line << "\nnot in\n" << script;
  EXPECT_EQ(script.rfind("#!/bin/bash\n", 0), 0u);
}

TEST(TestModels, IshigamiValues) {
  const double pi = std::numbers::pi;
  EXPECT_DOUBLE_EQ(evaluate_test_model(SweepModel::ishigami, std::vector<double>{0, 0, 0}), 0.0);
  EXPECT_NEAR(evaluate_test_model(SweepModel::ishigami, std::vector<double>{pi / 2, pi / 2, 1}), 1 + 7 + 0.1, 1e-12);
  EXPECT_NEAR(evaluate_test_model(SweepModel::ishigami, std::vector<double>{-pi / 2, 0, 2}), -1 - 0.1 * 16, 1e-12);
}

TEST(Summaries, FinalMeanMinMaxOverAWindowSkippingNaN) {
  RunSeries series;
  SeriesAxis day;
  day.name = "day";
  day.size = 5;
  day.numbers = {0, 1, 2, 3, 4};
  series.axes = {day};
  series.values = {1.0, 2.0, std::nan(""), 4.0, 8.0};
  OutcomeSpec outcome;
  outcome.summary = Summary::final;
  EXPECT_EQ(summarise(series, outcome), 8.0);
  outcome.summary = Summary::mean;
  EXPECT_DOUBLE_EQ(summarise(series, outcome), 15.0 / 4.0);
  outcome.window = std::make_pair(1.0, 3.0);
  EXPECT_DOUBLE_EQ(summarise(series, outcome), 3.0);
  outcome.summary = Summary::min;
  EXPECT_EQ(summarise(series, outcome), 2.0);
  outcome.summary = Summary::max;
  EXPECT_EQ(summarise(series, outcome), 4.0);
  outcome.window = std::make_pair(10.0, 20.0);
  EXPECT_TRUE(std::isnan(summarise(series, outcome))) << "nothing in the window";
}

}  // namespace
}  // namespace convivia::sweep
