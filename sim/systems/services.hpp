// Monthly public-service contacts and the slow recovery of institutional trust and belonging
// (docs/model.md 7.3). At the start of each month every resident's institutional trust and belonging move
// the share services.recovery_per_month of the way toward their baselines, so the effect of past
// discrimination fades. Then each adult or senior uses a public service with probability
// services.use_per_month. A user from a group other than the majority meets discrimination there
// with probability discrimination_base * lever (recorded as a discrimination event, which lowers
// institutional trust and belonging); a use without discrimination raises institutional trust by
// trust_gain_per_fair_use * (1 - trust).
//
// Determinism: residents are handled in parallel in fixed blocks; each task writes only its own
// residents, draws from (seed, services, day, resident) and counts into its block's tally, and the
// block tallies are integers summed in block order.
#pragma once

#include "systems/step_context.hpp"

#include <cstdint>
#include <vector>

namespace convivia {

struct ServiceTally {
  std::int64_t uses = 0;
  std::int64_t discrimination_events = 0;
};

class ServiceSystem {
 public:
  ServiceTally run_month(const StepContext& context);

 private:
  std::vector<ServiceTally> blocks_;
};

}  // namespace convivia
