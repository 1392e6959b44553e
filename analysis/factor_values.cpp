// Unit coordinates to factor values (see factor_values.hpp).
#include "analysis/factor_values.hpp"

#include "io/scenario_keys.hpp"

#include <boost/math/distributions/normal.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace convivia::sweep {
namespace {

PointValue list_value(const FactorSpec& factor, int index) {
  const FactorValue& value = factor.values[static_cast<std::size_t>(index)];
  return PointValue{value.literal, value.label, value.number, index};
}

PointValue range_point(const FactorSpec& factor, double u, int level) {
  const double value = range_value(factor, u);
  if (factor.distribution == Distribution::integer) {
    const auto whole = static_cast<std::int64_t>(value);
    return PointValue{std::to_string(whole), std::to_string(whole), value, level};
  }
  return PointValue{scenario_schema::toml_literal(value), scenario_schema::shortest_number(value), value, level};
}

}  // namespace

double range_value(const FactorSpec& factor, double u) {
  u = std::clamp(u, 0.0, 1.0);
  if (u == 0.0) return factor.min;
  if (u == 1.0) return factor.max;
  double value = factor.min;
  switch (factor.distribution) {
    case Distribution::uniform: value = factor.min + u * (factor.max - factor.min); break;
    case Distribution::log_uniform: value = std::exp(std::log(factor.min) + u * (std::log(factor.max) - std::log(factor.min))); break;
    case Distribution::integer: value = std::floor(factor.min + u * (factor.max - factor.min + 1.0)); break;
    case Distribution::normal: {
      const boost::math::normal_distribution<double> normal(factor.mean, factor.sd);
      const double low = boost::math::cdf(normal, factor.min);
      const double high = boost::math::cdf(normal, factor.max);
      const double p = low + u * (high - low);
      value = p <= 0.0 ? factor.min : p >= 1.0 ? factor.max : boost::math::quantile(normal, p);
      break;
    }
  }
  // Rounding must never leave the range: the scenario key's bounds were checked at its ends.
  return std::clamp(value, factor.min, factor.max);
}

PointValue value_at_unit(const FactorSpec& factor, double u) {
  if (factor.is_range) return range_point(factor, u, -1);
  const int n = static_cast<int>(factor.values.size());
  return list_value(factor, std::clamp(static_cast<int>(std::floor(u * n)), 0, n - 1));
}

double level_unit(const FactorSpec& factor, int level) {
  const int n = factor.level_count();
  return n == 1 ? 0.5 : static_cast<double>(level) / (n - 1);
}

PointValue value_at_level(const FactorSpec& factor, int level) {
  if (!factor.is_range) return list_value(factor, level);
  return range_point(factor, level_unit(factor, level), level);
}

}  // namespace convivia::sweep
