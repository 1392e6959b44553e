// Built-in test functions for checking designs and sensitivity estimators on known answers
// (`model = "ishigami"` or `"sobol_g"` in a sweep file). They are evaluated in process instead of
// a city run and give one outcome, y.
// - ishigami: Ishigami and Homma (1990) with a = 7, b = 0.1 on inputs uniform in [-pi, pi]:
//   first-order Sobol' indices 0.3139, 0.4424, 0 and total 0.5576, 0.4424, 0.2437.
// - sobol_g: Sobol's G function, y = prod_i (|4 x_i - 2| + a_i) / (1 + a_i), on six inputs in
//   [0, 1] with a = 0, 1, 4.5, 9, 99, 99 (Saltelli et al. 2008, Global Sensitivity Analysis: The
//   Primer, section 3.6). An input matters less the larger its a_i: x1 most, then x2, x3, x4, while
//   x5 and x6 hardly at all, which is the ranking a Morris screening must find. Its first-order
//   index is (1 / (3 (1 + a_i)^2)) / V with V = prod_i (1 + 1 / (3 (1 + a_i)^2)) - 1.
#pragma once

#include "analysis/sweep_file.hpp"

#include <span>
#include <string>
#include <vector>

namespace convivia::sweep {

// The inputs of a test function, in the order evaluate_test_model takes them.
const std::vector<std::string>& test_model_inputs(SweepModel model);
bool is_test_model_input(SweepModel model, const std::string& key);

// The G function's a_i, in input order (for tests that compute its known indices).
const std::vector<double>& sobol_g_coefficients();

// y for the inputs given in test_model_inputs order.
double evaluate_test_model(SweepModel model, std::span<const double> inputs);

}  // namespace convivia::sweep
