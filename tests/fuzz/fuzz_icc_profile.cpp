// Fuzzes the ICC Index profile reader (policy_import.icc_profile) and the policies made from an
// accepted profile: each must have an intensity in [0, 1] and a finite, non-negative cost.
#include "fuzz_support.hpp"
#include "io/icc_profile_reader.hpp"
#include "io/input_error.hpp"

#include <cmath>
#include <string_view>

using namespace convivia;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    const std::vector<IccAreaScore> rows =
        parse_icc_profile(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.csv");
    for (const PolicyConfig& policy : policies_from_icc_profile(rows)) {
      if (!(policy.intensity >= 0.0 && policy.intensity <= 1.0))
        fuzz::finding("a policy intensity outside [0, 1]", std::to_string(policy.intensity));
      if (!(std::isfinite(policy.annual_cost_eur) && policy.annual_cost_eur >= 0.0))
        fuzz::finding("a policy cost that is not a finite non-negative number", std::to_string(policy.annual_cost_eur));
    }
  } catch (const InputError&) {
  }
  return 0;
}
