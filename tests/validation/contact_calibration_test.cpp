// Calibration of the default behaviour against published contact research (TARGETS.md, "Contact and
// prejudice"): one simulated year of the default scenario, as `convivia run scenarios/default.toml`
// runs it. The year is simulated once per test process. A release build runs it in about a minute;
// sanitizer builds leave these tests out (scripts/test).
#include "support/scenario_fixture.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <memory>

namespace convivia::testing {
namespace {

constexpr int days_per_year = 365;

class DefaultCityYear : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto simulation = make_simulation_from_file("scenarios/default.toml");
    recorder_ = std::make_unique<DailyRecorder>();
    run_days(*simulation, *recorder_, days_per_year);
  }
  static void TearDownTestSuite() { recorder_.reset(); }
  static const DailyRecorder& year() { return *recorder_; }

 private:
  static inline std::unique_ptr<DailyRecorder> recorder_;
};

// Graf, Paolini & Rubin (2014): positive intergroup contact is about three times as frequent as
// negative contact. Negative contacts here include discrimination in encounters.
TEST_F(DefaultCityYear, PositiveIntergroupContactsOutnumberNegativeOnesAboutThreeToOne) {
  std::int64_t positive = 0, negative = 0;
  for (const DailyIndicators& day : year().days) {
    positive += day.positive_contacts;
    negative += day.negative_contacts;
  }
  ASSERT_GT(negative, 0);
  const double ratio = static_cast<double>(positive) / static_cast<double>(negative);
  EXPECT_GE(ratio, 2.5);
  EXPECT_LE(ratio, 3.5);
}

// Pettigrew & Tropp (2006): the mean correlation of contact with prejudice is about -0.21, so
// positive contact correlates with out-group trust at about +0.2 across residents. The window of the
// last monthly record of the year (day 360) covers days 270 to 359.
TEST_F(DefaultCityYear, PositiveContactCorrelatesWithOutGroupTrustAboutPointTwo) {
  ASSERT_FALSE(year().months.empty());
  const MonthlyIndicators& last = year().months.back();
  EXPECT_EQ(last.day, 360);
  ASSERT_FALSE(std::isnan(last.contact_trust_correlation));
  EXPECT_GE(last.contact_trust_correlation, 0.12);
  EXPECT_LE(last.contact_trust_correlation, 0.28);
}

}  // namespace
}  // namespace convivia::testing
