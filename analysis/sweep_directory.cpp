// Sweep directory layout, identity check and run records (see sweep_directory.hpp).
#include "analysis/sweep_directory.hpp"

#include "io/hdf5_run_writer.hpp"
#include "io/input_error.hpp"
#include "analysis/plan_json.hpp"

#include <fmt/core.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>

namespace convivia::sweep {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

std::string temporary_name(const std::string& path) {
  char host[256] = {};
  gethostname(host, sizeof host - 1);
  return path + ".tmp-" + host + "-" + std::to_string(::getpid());
}

// What differs between two plans, in words, for the refusal message.
std::string plan_difference(const std::string& stored, const std::string& wanted) {
  const json a = json::parse(stored, nullptr, false);
  const json b = json::parse(wanted, nullptr, false);
  if (a.is_discarded() || !a.contains("identity")) return "its plan.json is not readable";
  const json& x = a["identity"];
  const json& y = b["identity"];
  for (const char* key : {"conventions", "model", "base_scenario", "seed", "replicates", "common_random_numbers", "design", "set", "factors"})
    if (x.value(key, json()) != y.value(key, json())) {
      if (std::string(key) == "base_scenario") return "the base scenario's text differs";
      return std::string("its ") + key + " differs (" + x.value(key, json()).dump().substr(0, 120) + " there, " +
             y.value(key, json()).dump().substr(0, 120) + " here)";
    }
  return "its design points or seeds differ (" + std::to_string(x.value("runs", json::array()).size()) + " runs there, " +
         std::to_string(y.value("runs", json::array()).size()) + " here)";
}

}  // namespace

std::string SweepDirectory::run_stem(int run) const { return fmt::format("{}/runs/run-{:06}", root, run); }

std::string read_text_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "";
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void write_file_atomically(const std::string& path, const std::string& text) {
  const std::string temporary = temporary_name(path);
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out) {
      std::error_code ignored;
      fs::remove(temporary, ignored);
      throw OutputError("cannot write " + temporary + ": " + std::strerror(errno));
    }
  }
  std::error_code error;
  fs::rename(temporary, path, error);
  if (error) {
    fs::remove(temporary, error);
    throw OutputError("cannot rename " + temporary + " to " + path + ": " + error.message());
  }
}

SweepDirectory prepare_sweep_directory(const std::string& dir, const std::string& plan_json_text, const std::string& sweep_text) {
  SweepDirectory directory{fs::absolute(dir).lexically_normal().string()};
  while (directory.root.size() > 1 && directory.root.back() == '/') directory.root.pop_back();
  std::error_code error;
  if (fs::exists(directory.plan_path(), error)) {
    const std::string stored = read_text_file(directory.plan_path());
    if (plan_identity(stored) != plan_identity(plan_json_text))
      throw InputError(dir, 0, "",
                       "the directory holds a different sweep: " + plan_difference(stored, plan_json_text) +
                           "; choose another -o, or remove the directory to start this sweep afresh");
  } else if (fs::exists(dir, error)) {
    if (!fs::is_directory(dir, error)) throw InputError(dir, 0, "", "exists and is not a directory; choose another -o");
    for (const auto& entry : fs::directory_iterator(dir, error)) {
      (void)entry;
      throw InputError(dir, 0, "", "exists and is not a sweep directory (it has no plan.json but holds other files); choose another -o");
    }
  }
  fs::create_directories(directory.runs_path(), error);
  if (error) throw InputError(dir, 0, "", "cannot create the sweep directory: " + error.message());
  write_file_atomically(directory.plan_path(), plan_json_text);
  write_file_atomically(directory.sweep_copy_path(), sweep_text);
  return directory;
}

SweepDirectory open_sweep_directory(const std::string& dir) {
  SweepDirectory directory{fs::absolute(dir).lexically_normal().string()};
  while (directory.root.size() > 1 && directory.root.back() == '/') directory.root.pop_back();
  std::error_code error;
  if (!fs::is_directory(dir, error)) throw InputError(dir, 0, "", "no such sweep directory");
  if (!fs::is_regular_file(directory.plan_path(), error))
    throw InputError(dir, 0, "", "not a sweep directory: it has no plan.json (made by convivia sweep run or sweep slurm)");
  return directory;
}

const char* run_status_name(RunStatus status) {
  switch (status) {
    case RunStatus::done: return "done";
    case RunStatus::failed: return "failed";
    case RunStatus::missing: break;
  }
  return "missing";
}

std::optional<RunRecord> read_run_record(const SweepDirectory& directory, int run) {
  const std::string text = read_text_file(directory.record_file(run));
  if (text.empty()) return std::nullopt;
  const json j = json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object() || j.value("run", -1) != run) return std::nullopt;
  RunRecord record;
  record.run = run;
  const std::string status = j.value("status", "");
  record.status = status == "done" ? RunStatus::done : status == "failed" ? RunStatus::failed : RunStatus::missing;
  if (record.status == RunStatus::missing) return std::nullopt;
  record.seed = j.value("seed", std::uint64_t{0});
  record.error = j.value("error", "");
  record.exit_status = j.value("exit_status", 0);
  record.wall_seconds = j.value("wall_seconds", 0.0);
  record.git_commit = j.value("git_commit", "");
  if (j.contains("outcomes"))
    for (const auto& [name, value] : j["outcomes"].items())
      record.outcomes[name] = value.is_null() ? std::numeric_limits<double>::quiet_NaN() : value.get<double>();
  return record;
}

void write_run_record(const SweepDirectory& directory, const RunRecord& record) {
  json j{{"run", record.run},
         {"status", run_status_name(record.status)},
         {"seed", record.seed},
         {"exit_status", record.exit_status},
         {"wall_seconds", record.wall_seconds},
         {"git_commit", record.git_commit}};
  if (!record.error.empty()) j["error"] = record.error;
  if (!record.outcomes.empty()) {
    json outcomes = json::object();
    for (const auto& [name, value] : record.outcomes) outcomes[name] = std::isnan(value) ? json(nullptr) : json(value);
    j["outcomes"] = outcomes;
  }
  write_file_atomically(directory.record_file(record.run), j.dump(1) + "\n");
}

}  // namespace convivia::sweep
