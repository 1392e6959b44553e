// Axelrod's dissemination of culture (see axelrod.hpp for the rules and what is assumed).
#include "reference/axelrod.hpp"

#include "core/assert.hpp"

#include <algorithm>
#include <numeric>

namespace convivia {
namespace {

constexpr int events_per_stream_log2 = 20;

}  // namespace

AxelrodModel::AxelrodModel(const ReferenceAxelrodConfig& config, std::uint64_t seed)
    : config_(config), seed_(seed), site_count_(config.width * config.height) {
  CONVIVIA_CHECK(config.width > 0 && config.height > 0, "Axelrod lattice must be non-empty");
  CONVIVIA_CHECK(config.features >= 1 && config.features <= 64, "Axelrod features must be in [1, 64]");
  CONVIVIA_CHECK(config.traits >= 1 && config.traits <= 256, "Axelrod traits must be in [1, 256]");
  const auto sites = static_cast<std::size_t>(site_count_);
  const auto features = static_cast<std::size_t>(config.features);
  culture_.resize(sites * features);
  RandomStream random(seed_, RandomPurpose::reference_axelrod, 0, 0);
  for (std::uint8_t& trait : culture_) trait = static_cast<std::uint8_t>(random.below(static_cast<std::uint32_t>(config.traits)));

  neighbour_.assign(sites * 4, -1);
  bond_.assign(sites * 4, -1);
  degree_.assign(sites, 0);
  const int w = config.width;
  auto link = [&](int a, int b) {
    const auto bond = static_cast<std::int32_t>(bond_overlap_.size());
    const int value = overlap(a, b);
    bond_overlap_.push_back(static_cast<std::uint8_t>(value));
    active_bonds_ += active(value);
    for (auto [from, to] : {std::pair{a, b}, std::pair{b, a}}) {
      const std::size_t slot = static_cast<std::size_t>(from) * 4 + degree_[static_cast<std::size_t>(from)]++;
      neighbour_[slot] = to;
      bond_[slot] = bond;
    }
  };
  for (int y = 0; y < config.height; ++y) {
    for (int x = 0; x < w; ++x) {
      const int site = y * w + x;
      if (x + 1 < w) link(site, site + 1);
      if (y + 1 < config.height) link(site, site + w);
    }
  }
}

int AxelrodModel::overlap(int site_a, int site_b) const {
  const auto features = static_cast<std::size_t>(config_.features);
  const std::uint8_t* a = culture_.data() + static_cast<std::size_t>(site_a) * features;
  const std::uint8_t* b = culture_.data() + static_cast<std::size_t>(site_b) * features;
  int same = 0;
  for (std::size_t f = 0; f < features; ++f) same += a[f] == b[f];
  return same;
}

std::int64_t AxelrodModel::run(std::int64_t event_limit) {
  const std::int64_t start = events_;
  const auto features = static_cast<std::uint32_t>(config_.features);
  const auto sites = static_cast<std::uint32_t>(site_count_);
  while (events_ < event_limit && active_bonds_ > 0) {
    // Each event draws at most four words, one Philox block, from its own stream keyed by the event
    // number, so a run can stop and resume anywhere with the same results.
    const std::uint64_t event = static_cast<std::uint64_t>(events_);
    RandomStream random(seed_, RandomPurpose::reference_axelrod,
                        1 + static_cast<std::uint32_t>(event >> events_per_stream_log2),
                        static_cast<std::uint32_t>(event & ((1u << events_per_stream_log2) - 1)));
    ++events_;
    const std::uint32_t site = random.below(sites);
    const std::size_t slot = static_cast<std::size_t>(site) * 4 + random.below(degree_[site]);
    const std::int32_t other = neighbour_[slot];
    const int shared = bond_overlap_[static_cast<std::size_t>(bond_[slot])];
    if (!active(shared)) continue;
    if (random.below(features) >= static_cast<std::uint32_t>(shared)) continue;  // interact with chance overlap / F
    // The k-th differing feature, k uniform among the F - overlap that differ.
    std::uint32_t k = random.below(features - static_cast<std::uint32_t>(shared));
    std::uint8_t* own = culture_.data() + static_cast<std::size_t>(site) * features;
    const std::uint8_t* theirs = culture_.data() + static_cast<std::size_t>(other) * features;
    std::uint32_t f = 0;
    for (;; ++f) {
      if (own[f] != theirs[f]) {
        if (k == 0) break;
        --k;
      }
    }
    const std::uint8_t old_trait = own[f];
    const std::uint8_t new_trait = theirs[f];
    own[f] = new_trait;
    // Only this site's bonds change, and only through feature f.
    for (std::size_t j = static_cast<std::size_t>(site) * 4, end = j + degree_[site]; j < end; ++j) {
      const std::uint8_t neighbour_trait = culture_[static_cast<std::size_t>(neighbour_[j]) * features + f];
      const int change = (new_trait == neighbour_trait) - (old_trait == neighbour_trait);
      if (change == 0) continue;
      std::uint8_t& value = bond_overlap_[static_cast<std::size_t>(bond_[j])];
      const bool was_active = active(value);
      value = static_cast<std::uint8_t>(value + change);
      active_bonds_ += static_cast<int>(active(value)) - static_cast<int>(was_active);
    }
  }
  return events_ - start;
}

std::vector<std::int32_t> AxelrodModel::region_labels() const {
  std::vector<std::int32_t> label(static_cast<std::size_t>(site_count_), -1);
  std::vector<std::int32_t> stack;
  std::int32_t next = 0;
  for (int start = 0; start < site_count_; ++start) {
    if (label[static_cast<std::size_t>(start)] >= 0) continue;
    label[static_cast<std::size_t>(start)] = next;
    stack.assign(1, start);
    while (!stack.empty()) {
      const int site = stack.back();
      stack.pop_back();
      for (std::size_t j = static_cast<std::size_t>(site) * 4, end = j + degree_[static_cast<std::size_t>(site)]; j < end; ++j) {
        const int other = neighbour_[j];
        if (label[static_cast<std::size_t>(other)] >= 0 || overlap(site, other) != config_.features) continue;
        label[static_cast<std::size_t>(other)] = next;
        stack.push_back(other);
      }
    }
    ++next;
  }
  return label;
}

int AxelrodModel::stable_regions() const {
  const std::vector<std::int32_t> labels = region_labels();
  return labels.empty() ? 0 : 1 + *std::max_element(labels.begin(), labels.end());
}

int AxelrodModel::distinct_cultures() const {
  const auto features = static_cast<std::size_t>(config_.features);
  std::vector<std::int32_t> sites(static_cast<std::size_t>(site_count_));
  std::iota(sites.begin(), sites.end(), 0);
  auto begin_of = [&](std::int32_t site) { return culture_.begin() + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(site) * features); };
  auto less = [&](std::int32_t a, std::int32_t b) {
    return std::lexicographical_compare(begin_of(a), begin_of(a) + static_cast<std::ptrdiff_t>(features), begin_of(b),
                                        begin_of(b) + static_cast<std::ptrdiff_t>(features));
  };
  std::sort(sites.begin(), sites.end(), less);
  int distinct = sites.empty() ? 0 : 1;
  for (std::size_t i = 1; i < sites.size(); ++i) distinct += less(sites[i - 1], sites[i]);
  return distinct;
}

std::int64_t AxelrodModel::count_active_bonds() const {
  std::int64_t count = 0;
  for (int site = 0; site < site_count_; ++site) {
    for (std::size_t j = static_cast<std::size_t>(site) * 4, end = j + degree_[static_cast<std::size_t>(site)]; j < end; ++j) {
      if (neighbour_[j] > site) count += active(overlap(site, neighbour_[j]));
    }
  }
  return count;
}

void run_axelrod(AxelrodModel& model, std::int64_t max_events, std::int64_t sample_events, AxelrodSeries* series) {
  if (series == nullptr) {
    model.run(max_events);
    return;
  }
  auto record = [series, &model] {
    series->events.push_back(model.events());
    series->active_bonds.push_back(model.active_bonds());
    series->distinct_cultures.push_back(model.distinct_cultures());
  };
  record();
  while (!model.absorbed() && model.events() < max_events) {
    model.run(std::min(max_events, model.events() + sample_events));
    record();
  }
}

}  // namespace convivia
