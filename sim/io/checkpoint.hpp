// Checkpoints of a city run (`convivia run --checkpoint-every DAYS`, `--resume CHECKPOINT`): the
// whole simulation state (Simulation::archive_state) and what the output writer has been told so far
// (RunRecorder), so a resumed run writes the same output file as an uninterrupted one.
//
// File layout (version 1): the line "convivia-checkpoint\n", u32 format version, then the SHA-256 of
// the resolved scenario (length-prefixed text), the seed (u64), the next day to simulate (i32), the
// resident count (u64), the simulation state, the recorded output, and last the SHA-256 of all the
// bytes before it. Numbers are in the machine's byte order: a checkpoint is resumed by the same
// build on the same kind of machine (a different format version is refused).
// Writing is atomic (temporary name, fsync, rename, fsync of the directory): a run killed while it
// writes a checkpoint leaves the previous checkpoint intact. Reading checks the hash over the whole
// file first, then that the checkpoint belongs to the scenario given, before anything is restored.
#pragma once

#include "systems/run_recorder.hpp"
#include "systems/simulation.hpp"

#include <cstdint>
#include <string>

namespace convivia {

inline constexpr std::uint32_t checkpoint_format_version = 1;

struct CheckpointHeader {
  std::string scenario_sha256;  // of resolved_scenario_toml of the run's scenario
  std::uint64_t seed = 0;
  std::int32_t day = 0;         // days simulated: the resumed run starts with this day
  std::uint64_t resident_count = 0;
};

// Writes the checkpoint atomically; throws OutputError naming the path and the reason.
void write_checkpoint(const std::string& path, const CheckpointHeader& header, Simulation& simulation, RunRecorder& recorder);

// Checks the file's integrity hash and format and reads its header; throws InputError(path, ...)
// saying what is wrong (not a checkpoint, another format version, damaged or truncated).
CheckpointHeader verify_checkpoint(const std::string& path);

// Restores a verified checkpoint into a simulation made from the same scenario (and into the
// recorder); throws InputError if it does not belong to that scenario or does not fit its world.
void restore_checkpoint(const std::string& path, const std::string& scenario_sha256, Simulation& simulation,
                        RunRecorder& recorder);

// The hash that identifies a run's scenario in its checkpoints: SHA-256 of the resolved scenario.
std::string checkpoint_scenario_hash(const ScenarioConfig& config);

}  // namespace convivia
