// Scenario tests of policy targets and of the school-mixing policy: a policy with target districts
// or groups moves levers only there, target names are checked against the city, and controlled
// school choice mixes the schools of a segregated city.
#include "io/input_error.hpp"
#include "support/scenario_fixture.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace convivia::testing {
namespace {

std::string language_courses(const std::string& targets) {
  return "[[policies]]\nkind = \"language_courses\"\nintensity = 1\nstart_day = 0\nannual_cost = 0\n" + targets;
}

TEST(PolicyTargets, LeversMoveOnlyInTheTargetDistrictsAndGroups) {
  auto simulation = make_simulation(two_group_city(language_courses("districts = [\"2\"]\ngroups = [\"minority\"]\n")));
  DailyRecorder recorder;
  run_days(*simulation, recorder, 1);
  const LeverMap& levers = simulation->todays_lever_map();
  EXPECT_EQ(levers.at(1, 1).language_course_intensity, 1.0f);  // district "2" has index 1
  EXPECT_EQ(levers.at(1, 0).language_course_intensity, 0.0f);
  EXPECT_EQ(levers.at(0, 1).language_course_intensity, 0.0f);
  EXPECT_EQ(levers.at(no_district, 1).language_course_intensity, 0.0f);
  EXPECT_EQ(simulation->todays_levers().language_course_intensity, 0.0f);
}

TEST(PolicyTargets, WithoutTargetsEveryPlaceAndGroupHasTheSameLevers) {
  auto simulation = make_simulation(two_group_city(language_courses("")));
  DailyRecorder recorder;
  run_days(*simulation, recorder, 1);
  const LeverMap& levers = simulation->todays_lever_map();
  for (std::int32_t district = no_district; district < 4; ++district)
    for (std::size_t group = 0; group < 2; ++group) EXPECT_EQ(levers.at(district, group).language_course_intensity, 1.0f);
}

// Courses in district 1 raise the proficiency of the newcomers who live there, not elsewhere. Learning
// through everyday contact is switched off, so courses are the only way to learn.
TEST(PolicyTargets, TargetedLanguageCoursesReachOnlyTheirTarget) {
  const std::string city = two_group_city("[[groups]]\nname = \"newcomers\"\nshare = 0.2\nspeaks_language = false\n");
  const std::vector<std::string> no_everyday_learning{"encounters.language_growth_per_contact=0"};
  auto baseline = make_simulation(city, no_everyday_learning);
  auto courses = make_simulation(city + language_courses("districts = [\"1\"]\n"), no_everyday_learning);
  DailyRecorder recorder;
  run_days(*baseline, recorder, 31);
  run_days(*courses, recorder, 31);
  const World& world = courses->world();
  double gain_inside = 0.0, gain_outside = 0.0;
  int inside = 0, outside = 0;
  for (std::size_t i = 0; i < world.residents.size(); ++i) {
    if (world.residents.group[i] != 2) continue;
    const double gain = world.residents.language[i] - baseline->world().residents.language[i];
    if (world.city.cell_district[world.residents.home_cell[i]] == 0) {
      gain_inside += gain;
      ++inside;
    } else {
      gain_outside += gain;
      ++outside;
    }
  }
  ASSERT_GT(inside, 50);
  ASSERT_GT(outside, 50);
  EXPECT_GT(gain_inside / inside, 0.05);
  // Outside, only the few who took a course and then moved out of district 1 differ.
  EXPECT_LT(std::abs(gain_outside / outside), 0.005);
}

TEST(PolicyTargets, UnknownDistrictOrGroupIsAnInputErrorWhenTheScenarioIsLoaded) {
  const auto path = std::filesystem::temp_directory_path() / "convivia-policy-targets-test.toml";
  const auto expect_load_error = [&](const std::string& targets, const std::string& key, const std::string& text) {
    std::ofstream(path) << two_group_city(language_courses(targets));
    try {
      load_scenario(path.string());
      ADD_FAILURE() << "no error for " << targets;
    } catch (const InputError& error) {
      EXPECT_EQ(error.key(), key) << error.what();
      EXPECT_NE(std::string(error.what()).find(text), std::string::npos) << error.what();
    }
  };
  expect_load_error("districts = [\"9\"]\n", "policies[0].districts", "no district with id or name \"9\"");
  expect_load_error("groups = [\"others\"]\n", "policies[0].groups", "no group named \"others\"");
  std::filesystem::remove(path);
}

// The mean over pupils of their own group's share among the pupils of their school.
double school_isolation(const World& world) {
  std::vector<double> pupils(world.venues.size(), 0.0), minority(world.venues.size(), 0.0);
  for (std::size_t i = 0; i < world.residents.size(); ++i) {
    if (world.residents.age_class[i] != static_cast<std::uint8_t>(AgeClass::child)) continue;
    const std::uint32_t school = world.residents.fixed_venue[i];
    pupils[school] += 1.0;
    minority[school] += world.residents.group[i] == 1 ? 1.0 : 0.0;
  }
  double sum = 0.0, count = 0.0;
  for (std::size_t i = 0; i < world.residents.size(); ++i) {
    if (world.residents.age_class[i] != static_cast<std::uint8_t>(AgeClass::child)) continue;
    const std::uint32_t school = world.residents.fixed_venue[i];
    const double share_minority = minority[school] / pupils[school];
    sum += world.residents.group[i] == 1 ? share_minority : 1.0 - share_minority;
    count += 1.0;
  }
  return sum / count;
}

TEST(SchoolMixing, ControlledChoiceMixesTheSchoolsOfASegregatedCity) {
  const std::string segregated = two_group_city();
  auto baseline = make_simulation(segregated, {"city.synthetic.district_share_contrast=0.9", "city.segregated_start=true"});
  auto mixing = make_simulation(segregated + "[[policies]]\nkind = \"school_mixing\"\nintensity = 1\nstart_day = 0\nannual_cost = 0\n",
                                {"city.synthetic.district_share_contrast=0.9", "city.segregated_start=true"});
  DailyRecorder recorder;
  run_days(*baseline, recorder, 1);
  run_days(*mixing, recorder, 1);
  const double before = school_isolation(baseline->world());
  const double after = school_isolation(mixing->world());
  EXPECT_GT(before, 0.6) << "the test city should start with segregated schools";
  EXPECT_LT(after, before - 0.03) << "isolation at school: baseline " << before << ", with controlled choice " << after;
  // The monthly indicator of pupils' segregation over schools sees it too.
  const double d_before = baseline->last_monthly().city_by_school.multigroup_dissimilarity;
  const double d_after = mixing->last_monthly().city_by_school.multigroup_dissimilarity;
  EXPECT_GT(d_before, 0.2);
  EXPECT_LT(d_after, d_before - 0.05) << "school dissimilarity: baseline " << d_before << ", with controlled choice " << d_after;
}

}  // namespace
}  // namespace convivia::testing
