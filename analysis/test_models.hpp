// Built-in test functions for checking designs and sensitivity estimators on known answers
// (`model = "ishigami"` in a sweep file). They are evaluated in process instead of a city run and
// give one outcome, y. Ishigami and Homma (1990) with a = 7, b = 0.1 on inputs uniform in
// [-pi, pi]: first-order Sobol' indices 0.3139, 0.4424, 0 and total 0.5576, 0.4424, 0.2437.
#pragma once

#include "analysis/sweep_file.hpp"

#include <span>
#include <string>
#include <vector>

namespace convivia::sweep {

// The inputs of a test function, in the order evaluate_test_model takes them.
const std::vector<std::string>& test_model_inputs(SweepModel model);
bool is_test_model_input(SweepModel model, const std::string& key);

// y for the inputs given in test_model_inputs order.
double evaluate_test_model(SweepModel model, std::span<const double> inputs);

}  // namespace convivia::sweep
