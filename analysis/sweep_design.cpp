// The five designs (see sweep_design.hpp).
#include "analysis/sweep_design.hpp"

#include "analysis/factor_values.hpp"
#include "analysis/sweep_random.hpp"

#include <boost/random/sobol.hpp>

#include <numeric>

namespace convivia::sweep {
namespace {

Design full_factorial(const SweepFile& sweep) {
  Design design;
  const std::size_t k = sweep.factors.size();
  std::vector<int> level(k, 0);
  while (true) {
    std::vector<double> unit(k);
    for (std::size_t f = 0; f < k; ++f) unit[f] = level_unit(sweep.factors[f], level[f]);
    design.unit.push_back(std::move(unit));
    design.level.push_back(level);
    // Odometer with the last factor turning fastest.
    std::size_t f = k;
    while (f > 0) {
      --f;
      if (++level[f] < sweep.factors[f].level_count()) break;
      level[f] = 0;
      if (f == 0) return design;
    }
    if (k == 0) return design;
  }
}

Design latin_hypercube(const SweepFile& sweep) {
  const std::size_t n = static_cast<std::size_t>(sweep.design.points);
  const std::size_t k = sweep.factors.size();
  Design design;
  design.unit.assign(n, std::vector<double>(k));
  std::vector<std::uint32_t> stratum(n);
  for (std::size_t f = 0; f < k; ++f) {
    std::iota(stratum.begin(), stratum.end(), 0u);
    // Fisher-Yates from the end; draw i decides position i and the position inside its stratum.
    for (std::size_t i = n; i-- > 0;) {
      const auto words = plan_draw(sweep.seed, PlanDraw::latin_hypercube, static_cast<std::uint32_t>(f), static_cast<std::uint32_t>(i));
      std::swap(stratum[i], stratum[plan_below(words, static_cast<std::uint32_t>(i + 1))]);
    }
    for (std::size_t i = 0; i < n; ++i) {
      const auto words = plan_draw(sweep.seed, PlanDraw::latin_hypercube, static_cast<std::uint32_t>(f), static_cast<std::uint32_t>(i), 1);
      design.unit[i][f] = (stratum[i] + plan_uniform(words)) / static_cast<double>(n);
    }
  }
  return design;
}

// Points skip .. skip + n - 1 of the d-dimensional Sobol' sequence. Point 0 is the origin, which
// Boost's engine does not produce (its first point is the sequence's point 1).
std::vector<std::vector<double>> sobol_points(std::size_t n, std::size_t d, std::size_t skip = 0) {
  boost::random::sobol engine(d);
  std::vector<std::vector<double>> points(n, std::vector<double>(d, 0.0));
  if (skip > 1) engine.discard(static_cast<boost::uintmax_t>((skip - 1) * d));
  for (std::size_t i = skip == 0 ? 1 : 0; i < n; ++i)
    for (double& x : points[i]) x = static_cast<double>(engine()) * 0x1.0p-64;
  return points;
}

Design sobol(const SweepFile& sweep) {
  Design design;
  design.unit = sobol_points(static_cast<std::size_t>(sweep.design.points), sweep.factors.size());
  return design;
}

Design morris(const SweepFile& sweep) {
  const int k = static_cast<int>(sweep.factors.size());
  const int p = sweep.design.levels;
  const double step = 1.0 / (p - 1);
  const int delta_steps = p / 2;  // delta = p / (2 (p - 1)) = delta_steps grid steps
  Design design;
  for (int t = 0; t < sweep.design.trajectories; ++t) {
    std::vector<int> grid(static_cast<std::size_t>(k));
    std::vector<int> direction(static_cast<std::size_t>(k));
    for (int f = 0; f < k; ++f) {
      const auto words = plan_draw(sweep.seed, PlanDraw::morris, static_cast<std::uint32_t>(t), static_cast<std::uint32_t>(f));
      direction[static_cast<std::size_t>(f)] = (words[3] & 1u) != 0 ? 1 : -1;
      // Up from the lower half of the grid, down from the upper half, so every move stays on it.
      const int start = static_cast<int>(plan_below(words, static_cast<std::uint32_t>(delta_steps)));
      grid[static_cast<std::size_t>(f)] = direction[static_cast<std::size_t>(f)] > 0 ? start : start + delta_steps;
    }
    std::vector<int> order(static_cast<std::size_t>(k));
    std::iota(order.begin(), order.end(), 0);
    for (int i = k; i-- > 1;) {
      const auto words = plan_draw(sweep.seed, PlanDraw::morris, static_cast<std::uint32_t>(t), static_cast<std::uint32_t>(k + i));
      std::swap(order[static_cast<std::size_t>(i)], order[plan_below(words, static_cast<std::uint32_t>(i + 1))]);
    }
    for (int s = 0; s <= k; ++s) {
      int moved = -1;
      if (s > 0) {
        moved = order[static_cast<std::size_t>(s - 1)];
        grid[static_cast<std::size_t>(moved)] += direction[static_cast<std::size_t>(moved)] * delta_steps;
      }
      std::vector<double> unit(static_cast<std::size_t>(k));
      for (int f = 0; f < k; ++f) unit[static_cast<std::size_t>(f)] = grid[static_cast<std::size_t>(f)] * step;
      design.unit.push_back(std::move(unit));
      design.morris_trajectory.push_back(t);
      design.morris_step.push_back(s);
      design.morris_factor.push_back(moved);
    }
  }
  return design;
}

Design saltelli(const SweepFile& sweep) {
  const std::size_t k = sweep.factors.size();
  const std::size_t n = static_cast<std::size_t>(sweep.design.base_points);
  // The first points of the sequence have A_j = B_j (the origin, then 0.5 in every column), which
  // carry no information on the indices; like SALib, start after the first 2^m >= N points.
  std::size_t skip = 1;
  while (skip < n) skip *= 2;
  const auto rows = sobol_points(n, 2 * k, skip);
  Design design;
  const auto add = [&](std::vector<double> unit, std::size_t row, SaltelliMatrix matrix, int factor) {
    design.unit.push_back(std::move(unit));
    design.saltelli_row.push_back(static_cast<int>(row));
    design.saltelli_matrix.push_back(matrix);
    design.saltelli_factor.push_back(factor);
  };
  for (std::size_t j = 0; j < n; ++j) {
    const std::vector<double> a(rows[j].begin(), rows[j].begin() + static_cast<std::ptrdiff_t>(k));
    const std::vector<double> b(rows[j].begin() + static_cast<std::ptrdiff_t>(k), rows[j].end());
    add(a, j, SaltelliMatrix::a, -1);
    for (std::size_t i = 0; i < k; ++i) {
      std::vector<double> ab = a;
      ab[i] = b[i];
      add(std::move(ab), j, SaltelliMatrix::ab, static_cast<int>(i));
    }
    add(b, j, SaltelliMatrix::b, -1);
  }
  return design;
}

}  // namespace

Design make_design(const SweepFile& sweep) {
  switch (sweep.design.kind) {
    case DesignKind::full_factorial: return full_factorial(sweep);
    case DesignKind::latin_hypercube: return latin_hypercube(sweep);
    case DesignKind::sobol: return sobol(sweep);
    case DesignKind::morris: return morris(sweep);
    case DesignKind::saltelli: return saltelli(sweep);
  }
  return {};
}

const char* saltelli_matrix_name(SaltelliMatrix matrix) {
  switch (matrix) {
    case SaltelliMatrix::a: return "A";
    case SaltelliMatrix::ab: return "AB";
    case SaltelliMatrix::b: return "B";
    case SaltelliMatrix::none: break;
  }
  return "";
}

}  // namespace convivia::sweep
