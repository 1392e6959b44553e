// Tests of the run file reader behind `convivia compare`: a small synthetic city runs for 35 days
// into a run file (with a recorder beside the writer), and the reader must give back the recorded
// attributes and headline values, pick the right month for monthly indicators, and refuse files
// that are missing, not HDF5, not Convivia run files or lack a headline dataset.
#include "io/hdf5_handles.hpp"
#include "io/hdf5_run_writer.hpp"
#include "io/input_error.hpp"
#include "io/run_file_reader.hpp"

#include "../support/scenario_fixture.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

namespace convivia {
namespace {

namespace fs = std::filesystem;

constexpr int run_days_count = 35;  // two months: they start on days 0 and 30

int indicator(std::string_view name) {
  const int index = find_headline_indicator(name);
  EXPECT_GE(index, 0) << name;
  return index;
}

// The message of the InputError that reading `path` throws, or "" if it throws none.
std::string read_error(const std::string& path) {
  try {
    read_run_file(path);
  } catch (const InputError& error) {
    return error.what();
  }
  return "";
}

class RunFileReaderTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    directory_ = new fs::path(fs::temp_directory_path() / ("convivia-run-file-reader-" + std::to_string(::getpid())));
    fs::create_directories(*directory_);
    path_ = new std::string((*directory_ / "run.h5").string());
    recorder_ = new testing::DailyRecorder();
    const std::string text = testing::two_group_city();
    auto simulation = testing::make_simulation(text, {"city.synthetic.residents=2000", "run.seed=17"});
    Hdf5RunWriter writer(*path_, make_provenance(text, 17));
    ObserverList observers;
    observers.add(writer);
    observers.add(*recorder_);
    testing::run_days(*simulation, observers, run_days_count);
  }
  static void TearDownTestSuite() {
    std::error_code ignored;
    fs::remove_all(*directory_, ignored);
    delete directory_;
    delete path_;
    delete recorder_;
  }

  static fs::path* directory_;
  static std::string* path_;
  static testing::DailyRecorder* recorder_;
};

fs::path* RunFileReaderTest::directory_ = nullptr;
std::string* RunFileReaderTest::path_ = nullptr;
testing::DailyRecorder* RunFileReaderTest::recorder_ = nullptr;

TEST_F(RunFileReaderTest, ReadsTheRootAttributesAndTheCity) {
  const RunFile run = read_run_file(*path_);
  EXPECT_EQ(run.path, *path_);
  EXPECT_EQ(run.scenario_name, "two-group test city");
  EXPECT_EQ(run.seed, "17");
  EXPECT_EQ(run.days_run, run_days_count);
  EXPECT_EQ(run.resident_count, 2000);
  EXPECT_EQ(run.group_names, (std::vector<std::string>{"majority", "minority"}));
  EXPECT_EQ(run.district_names.size(), 4u);
  EXPECT_EQ(run.month_days, (std::vector<std::int32_t>{0, 30}));
}

TEST_F(RunFileReaderTest, DailyValuesAreThoseTheSimulationRecordedThatDay) {
  const RunFile run = read_run_file(*path_);
  ASSERT_EQ(recorder_->days.size(), static_cast<std::size_t>(run_days_count));
  for (const int day : {0, 17, run_days_count - 1}) {
    const DailyIndicators& d = recorder_->days[static_cast<std::size_t>(day)];
    EXPECT_EQ(run.value(indicator("diversity_resource_share"), day), d.diversity_resource_share) << day;
    EXPECT_EQ(run.value(indicator("generalised_trust"), day), d.generalised_trust) << day;
    EXPECT_EQ(run.value(indicator("perceived_discrimination_share"), day), d.perceived_discrimination_share) << day;
    EXPECT_EQ(run.value(indicator("mean_belonging"), day), d.mean_belonging) << day;
  }
  // The days differ, so a reader returning one day for all would fail above.
  EXPECT_NE(recorder_->days[0].mean_outgroup_trust, recorder_->days[run_days_count - 1].mean_outgroup_trust);
}

TEST_F(RunFileReaderTest, LargestEmploymentGapIsTheLargestGroupGap) {
  const RunFile run = read_run_file(*path_);
  const DailyIndicators& last = recorder_->days.back();
  const double largest = *std::max_element(last.employment_gap_by_group.begin(), last.employment_gap_by_group.end());
  EXPECT_EQ(run.value(indicator("largest_employment_gap"), run_days_count - 1), largest);
}

TEST_F(RunFileReaderTest, MonthlyValueIsThatOfTheMonthStartedOnOrBeforeTheDay) {
  const RunFile run = read_run_file(*path_);
  ASSERT_EQ(recorder_->months.size(), 2u);
  const std::size_t theil = static_cast<std::size_t>(indicator("theil_h"));
  const double first_month = recorder_->months[0].city_by_cell.theil_h;
  const double second_month = recorder_->months[1].city_by_cell.theil_h;
  ASSERT_NE(first_month, second_month);
  EXPECT_EQ(run.value(theil, 0), first_month);
  EXPECT_EQ(run.value(theil, 29), first_month);
  EXPECT_EQ(run.value(theil, 30), second_month);
  EXPECT_EQ(run.value(theil, run_days_count - 1), second_month);
}

TEST_F(RunFileReaderTest, RefusesAMissingFile) {
  const std::string path = (*directory_ / "absent.h5").string();
  const std::string message = read_error(path);
  EXPECT_NE(message.find(path), std::string::npos) << message;
  EXPECT_NE(message.find("no such file"), std::string::npos) << message;
}

TEST_F(RunFileReaderTest, RefusesAFileThatIsNotHdf5) {
  const std::string path = (*directory_ / "text.h5").string();
  std::ofstream(path) << "day,value\n0,1\n";
  const std::string message = read_error(path);
  EXPECT_NE(message.find(path), std::string::npos) << message;
  EXPECT_NE(message.find("not an HDF5 file"), std::string::npos) << message;
}

TEST_F(RunFileReaderTest, RefusesAnHdf5FileThatIsNotARunFile) {
  const std::string path = (*directory_ / "other.h5").string();
  hdf5::silence_errors();
  hdf5::Handle file = hdf5::file(H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT), "create");
  file.close("close");
  const std::string message = read_error(path);
  EXPECT_NE(message.find(path), std::string::npos) << message;
  EXPECT_NE(message.find("not a Convivia run file"), std::string::npos) << message;
}

TEST_F(RunFileReaderTest, RefusesARunFileWithoutAHeadlineDataset) {
  const std::string path = (*directory_ / "damaged.h5").string();
  fs::copy_file(*path_, path, fs::copy_options::overwrite_existing);
  {
    hdf5::Handle file = hdf5::file(H5Fopen(path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT), "open");
    hdf5::check_status(H5Ldelete(file.get(), "daily/generalised_trust", H5P_DEFAULT), "delete");
    file.close("close");
  }
  const std::string message = read_error(path);
  EXPECT_NE(message.find(path), std::string::npos) << message;
  EXPECT_NE(message.find("damaged"), std::string::npos) << message;
  EXPECT_NE(message.find("/daily/generalised_trust is missing"), std::string::npos) << message;
}

TEST(HeadlineIndicators, NamesAreUniqueAndFound) {
  const auto indicators = headline_indicators();
  for (std::size_t i = 0; i < indicators.size(); ++i) EXPECT_EQ(find_headline_indicator(indicators[i].name), static_cast<int>(i));
  EXPECT_EQ(find_headline_indicator("no_such_indicator"), -1);
}

}  // namespace
}  // namespace convivia
