// Built-in test functions (see test_models.hpp).
#include "analysis/test_models.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace convivia::sweep {

const std::vector<std::string>& test_model_inputs(SweepModel model) {
  static const std::vector<std::string> ishigami = {"x1", "x2", "x3"};
  static const std::vector<std::string> none;
  return model == SweepModel::ishigami ? ishigami : none;
}

bool is_test_model_input(SweepModel model, const std::string& key) {
  const auto& inputs = test_model_inputs(model);
  return std::find(inputs.begin(), inputs.end(), key) != inputs.end();
}

double evaluate_test_model(SweepModel model, std::span<const double> x) {
  if (model != SweepModel::ishigami || x.size() != 3) throw std::logic_error("evaluate_test_model: not a test model or wrong inputs");
  constexpr double a = 7.0;
  constexpr double b = 0.1;
  const double s2 = std::sin(x[1]);
  return std::sin(x[0]) + a * s2 * s2 + b * std::pow(x[2], 4) * std::sin(x[0]);
}

}  // namespace convivia::sweep
