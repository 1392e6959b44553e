// The model's calendar: days of three slots, 7-day weeks, 30-day months and 365-day years. Monthly processes run
// every 30 days, so about 12.17 times a year; yearly rates are turned into monthly chances with
// that count, so a yearly rate is what a year of monthly draws actually gives.
#pragma once

#include <cmath>

namespace convivia {

inline constexpr int days_per_week = 7;   // weekly processes run on days 7, 14, ...
inline constexpr int days_per_month = 30;
// Yearly processes (ageing, the new school year) run at the start of every year after the first:
// on days 365, 730, ...
inline constexpr int days_per_year = 365;

// Chance per monthly draw that gives `per_year` over a year of monthly draws.
inline double monthly_chance_from_yearly_rate(double per_year) {
  if (per_year <= 0.0) return 0.0;
  if (per_year >= 1.0) return 1.0;
  return 1.0 - std::pow(1.0 - per_year, static_cast<double>(days_per_month) / days_per_year);
}

}  // namespace convivia
