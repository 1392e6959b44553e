// Calibration of the default behaviour against published contact research (docs/model.md 7.2, "Contact and
// prejudice"): one simulated year of the default scenario, as `convivia run scenarios/default.toml`
// runs it. A release build runs it in about a minute; sanitizer builds leave it out (scripts/test).
#include "support/scenario_fixture.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace convivia::testing {
namespace {

constexpr int days_per_year = 365;

// Both published figures are checked on one simulated year: ctest runs every test in a process of its
// own, so two tests would simulate the same year twice.
TEST(DefaultCityYear, ContactFiguresMatchPublishedResearch) {
  auto simulation = make_simulation_from_file("scenarios/default.toml");
  DailyRecorder year;
  run_days(*simulation, year, days_per_year);

  // Graf, Paolini & Rubin (2014): positive intergroup contact is about three times as frequent as
  // negative contact. Negative contacts here include discrimination in encounters.
  std::int64_t positive = 0, negative = 0;
  for (const DailyIndicators& day : year.days) {
    positive += day.positive_contacts;
    negative += day.negative_contacts;
  }
  ASSERT_GT(negative, 0);
  const double ratio = static_cast<double>(positive) / static_cast<double>(negative);
  EXPECT_GE(ratio, 2.5) << "positive to negative intergroup contacts over the year";
  EXPECT_LE(ratio, 3.5) << "positive to negative intergroup contacts over the year";

  // Pettigrew & Tropp (2006): the mean correlation of contact with prejudice is about -0.21, so
  // positive contact correlates with out-group trust at about +0.2 across residents. The window of
  // the last monthly record of the year (day 360) covers days 270 to 359.
  ASSERT_FALSE(year.months.empty());
  const MonthlyIndicators& last = year.months.back();
  EXPECT_EQ(last.day, 360);
  ASSERT_FALSE(std::isnan(last.contact_trust_correlation));
  EXPECT_GE(last.contact_trust_correlation, 0.12) << "contact-trust correlation on day 360";
  EXPECT_LE(last.contact_trust_correlation, 0.28) << "contact-trust correlation on day 360";
}

}  // namespace
}  // namespace convivia::testing
