// Round trip of the policy record of a run file: a small city runs 35 days with two policies of known
// cost into a run file; the reader must give back the policies as the scenario gave them, each day's
// annual cost of the active policies and the amount spent so far. A file without the policy record
// (written before it existed) reads as having no policy and no cost.
#include "io/hdf5_handles.hpp"
#include "io/hdf5_run_writer.hpp"
#include "io/run_file_reader.hpp"

#include "../support/scenario_fixture.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

namespace convivia {
namespace {

namespace fs = std::filesystem;

constexpr int days_count = 35;
// 365,000 euros a year is 1,000 euros a day, so the amounts are easy to count by hand.
const std::string policies_text = R"(
[[policies]]
kind = "mixing_events"
intensity = 0.5
start_day = 10
end_day = 20
annual_cost = 365000
[[policies]]
kind = "intercultural_mediators"
name = "mediators"
intensity = 1.0
start_day = 30
annual_cost = 730000
)";

class PolicyCostRecordTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    directory_ = new fs::path(fs::temp_directory_path() / ("convivia-policy-cost-" + std::to_string(::getpid())));
    fs::create_directories(*directory_);
    path_ = new std::string((*directory_ / "run.h5").string());
    const std::string text = testing::two_group_city(policies_text);
    auto simulation = testing::make_simulation(text, {"city.synthetic.residents=2000"});
    Hdf5RunWriter writer(*path_, make_provenance(text, 5));
    testing::run_days(*simulation, writer, days_count);
  }
  static void TearDownTestSuite() {
    std::error_code ignored;
    fs::remove_all(*directory_, ignored);
    delete directory_;
    delete path_;
  }

  static fs::path* directory_;
  static std::string* path_;
};

fs::path* PolicyCostRecordTest::directory_ = nullptr;
std::string* PolicyCostRecordTest::path_ = nullptr;

TEST_F(PolicyCostRecordTest, PoliciesReadBackAsTheScenarioGaveThem) {
  const RunFile run = read_run_file(*path_);
  ASSERT_EQ(run.policies.size(), 2u);
  const PolicyRecord& first = run.policies[0];
  EXPECT_EQ(first.kind, "mixing_events");
  EXPECT_EQ(first.name, "");
  EXPECT_DOUBLE_EQ(first.intensity, 0.5);
  EXPECT_EQ(first.start_day, 10);
  EXPECT_EQ(first.end_day, 20);
  EXPECT_DOUBLE_EQ(first.annual_cost_eur, 365000.0);
  EXPECT_EQ(first.districts, "");
  EXPECT_EQ(first.groups, "");
  const PolicyRecord& second = run.policies[1];
  EXPECT_EQ(second.kind, "intercultural_mediators");
  EXPECT_EQ(second.name, "mediators");
  EXPECT_EQ(second.start_day, 30);
  EXPECT_EQ(second.end_day, policy_open_end_day);
  EXPECT_DOUBLE_EQ(second.annual_cost_eur, 730000.0);
}

TEST_F(PolicyCostRecordTest, DailyAnnualCostIsThatOfThePoliciesActiveThatDay) {
  const RunFile run = read_run_file(*path_);
  ASSERT_EQ(run.policy_annual_cost_eur.size(), static_cast<std::size_t>(days_count));
  EXPECT_EQ(run.policy_annual_cost_eur[9], 0.0);
  EXPECT_EQ(run.policy_annual_cost_eur[10], 365000.0);
  EXPECT_EQ(run.policy_annual_cost_eur[20], 365000.0);
  EXPECT_EQ(run.policy_annual_cost_eur[21], 0.0);
  EXPECT_EQ(run.policy_annual_cost_eur[30], 730000.0);
}

TEST_F(PolicyCostRecordTest, CumulativeCostSumsADayOfAnnualCostPerDay) {
  const RunFile run = read_run_file(*path_);
  ASSERT_EQ(run.policy_cumulative_cost_eur.size(), static_cast<std::size_t>(days_count));
  EXPECT_EQ(run.policy_cumulative_cost_eur[9], 0.0);
  EXPECT_NEAR(run.policy_cumulative_cost_eur[10], 1000.0, 1e-6);
  EXPECT_NEAR(run.policy_cumulative_cost_eur[29], 11000.0, 1e-6);  // days 10 to 20 at 1,000 euros
  EXPECT_NEAR(run.policy_cumulative_cost_eur[34], 21000.0, 1e-6);  // then days 30 to 34 at 2,000 euros
}

TEST_F(PolicyCostRecordTest, MeanAnnualCostIsOverAllDaysOfTheRun) {
  const RunFile run = read_run_file(*path_);
  EXPECT_NEAR(run.mean_annual_policy_cost_eur(), (11 * 365000.0 + 5 * 730000.0) / days_count, 1e-6);
}

TEST_F(PolicyCostRecordTest, FileWithoutPolicyRecordHasNoPolicyAndNoCost) {
  const std::string path = (*directory_ / "older.h5").string();
  fs::copy_file(*path_, path, fs::copy_options::overwrite_existing);
  {
    hdf5::Handle file = hdf5::file(H5Fopen(path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT), "open");
    for (const char* link : {"policies", "daily/policy_annual_cost_eur", "daily/policy_cumulative_cost_eur"})
      hdf5::check_status(H5Ldelete(file.get(), link, H5P_DEFAULT), "delete");
    file.close("close");
  }
  const RunFile run = read_run_file(path);
  EXPECT_TRUE(run.policies.empty());
  ASSERT_EQ(run.policy_annual_cost_eur.size(), static_cast<std::size_t>(days_count));
  EXPECT_EQ(run.policy_annual_cost_eur[30], 0.0);
  EXPECT_EQ(run.policy_cumulative_cost_eur[34], 0.0);
  EXPECT_EQ(run.mean_annual_policy_cost_eur(), 0.0);
}

TEST(PolicyCostRecord, RunWithoutPoliciesRecordsAnEmptyTableAndZeroCost) {
  const fs::path path = fs::temp_directory_path() / ("convivia-no-policy-" + std::to_string(::getpid()) + ".h5");
  {
    const std::string text = testing::two_group_city();
    auto simulation = testing::make_simulation(text, {"city.synthetic.residents=1000"});
    Hdf5RunWriter writer(path.string(), make_provenance(text, 5));
    testing::run_days(*simulation, writer, 3);
  }
  const RunFile run = read_run_file(path.string());
  std::error_code ignored;
  fs::remove(path, ignored);
  EXPECT_TRUE(run.policies.empty());
  EXPECT_EQ(run.policy_annual_cost_eur, std::vector<double>(3, 0.0));
  EXPECT_EQ(run.policy_cumulative_cost_eur, std::vector<double>(3, 0.0));
}

}  // namespace
}  // namespace convivia
