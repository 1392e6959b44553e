// Built-in test functions (see test_models.hpp).
#include "analysis/test_models.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace convivia::sweep {

const std::vector<std::string>& test_model_inputs(SweepModel model) {
  static const std::vector<std::string> ishigami = {"x1", "x2", "x3"};
  static const std::vector<std::string> sobol_g = {"x1", "x2", "x3", "x4", "x5", "x6"};
  static const std::vector<std::string> none;
  switch (model) {
    case SweepModel::ishigami: return ishigami;
    case SweepModel::sobol_g: return sobol_g;
    case SweepModel::scenario: break;
  }
  return none;
}

const std::vector<double>& sobol_g_coefficients() {
  static const std::vector<double> a = {0.0, 1.0, 4.5, 9.0, 99.0, 99.0};
  return a;
}

bool is_test_model_input(SweepModel model, const std::string& key) {
  const auto& inputs = test_model_inputs(model);
  return std::find(inputs.begin(), inputs.end(), key) != inputs.end();
}

namespace {

double ishigami(std::span<const double> x) {
  constexpr double a = 7.0;
  constexpr double b = 0.1;
  const double s2 = std::sin(x[1]);
  return std::sin(x[0]) + a * s2 * s2 + b * std::pow(x[2], 4) * std::sin(x[0]);
}

double sobol_g(std::span<const double> x) {
  const std::vector<double>& a = sobol_g_coefficients();
  double y = 1.0;
  for (std::size_t i = 0; i < a.size(); ++i) y *= (std::abs(4.0 * x[i] - 2.0) + a[i]) / (1.0 + a[i]);
  return y;
}

}  // namespace

double evaluate_test_model(SweepModel model, std::span<const double> x) {
  if (model == SweepModel::scenario || x.size() != test_model_inputs(model).size())
    throw std::logic_error("evaluate_test_model: not a test model or wrong inputs");
  return model == SweepModel::ishigami ? ishigami(x) : sobol_g(x);
}

}  // namespace convivia::sweep
