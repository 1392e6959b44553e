// Means and 95% confidence intervals over replicate runs, for `convivia compare`: the mean of one
// scenario's replicates, and the mean difference of a scenario to the baseline, either paired (the
// replicates of both share their seeds, so the interval is over per-seed differences) or unpaired
// (Welch's interval with Welch-Satterthwaite degrees of freedom). Intervals use Student's t
// quantile from Boost.Math. Every function needs at least two values per sample.
#pragma once

#include <cstddef>
#include <span>

namespace convivia {

struct MeanInterval {
  double mean = 0.0;
  double low = 0.0;   // 95% confidence interval
  double high = 0.0;
  double degrees_of_freedom = 0.0;
};

// The 0.975 quantile of Student's t with the given degrees of freedom (2.776 for 4).
double t_quantile_975(double degrees_of_freedom);

// Mean of the values with its 95% interval (t with n - 1 degrees of freedom); n >= 2.
MeanInterval mean_interval(std::span<const double> values);

// Mean of other[i] - baseline[i] with its 95% interval; the spans pair up index by index; n >= 2.
MeanInterval paired_difference_interval(std::span<const double> baseline, std::span<const double> other);

// mean(other) - mean(baseline) with Welch's 95% interval; each sample has n >= 2.
MeanInterval welch_difference_interval(std::span<const double> baseline, std::span<const double> other);

// Cost-effectiveness: a change in a share (0.01 = one percentage point), with its interval, per
// million euros of annual cost difference, in percentage points per million euros. The cost
// difference is fixed (policies cost what the scenario says), so the interval is that of the change
// divided by it (its bounds swap when the cost difference is negative). NaN everywhere when the cost
// difference is 0: there is no cost to relate the change to.
MeanInterval share_change_per_million_eur(const MeanInterval& share_change, double annual_cost_difference_eur);

}  // namespace convivia
