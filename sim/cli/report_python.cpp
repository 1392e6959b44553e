// The report's interpreter and scripts (see report_python.hpp).
#include "cli/report_python.hpp"

#include "analysis/child_process.hpp"

#include <unistd.h>

#include <cstdlib>
#include <sstream>

namespace convivia {
namespace {

std::string environment(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr ? value : "";
}

}  // namespace

std::string report_python() {
  if (std::string chosen = environment("CONVIVIA_PYTHON"); !chosen.empty()) return chosen;
  if (::access("/usr/bin/python3", X_OK) == 0) return "/usr/bin/python3";
  return "python3";
}

std::string report_scripts_directory() {
  if (std::string chosen = environment("CONVIVIA_REPORT_SCRIPTS"); !chosen.empty()) return chosen;
  return CONVIVIA_REPORT_SCRIPTS_DIR;
}

std::string report_python_problem(const std::string& python) {
  // One start of the interpreter lists the modules it lacks, so the message can name them all.
  const sweep::CommandResult result = sweep::run_and_capture(
      {python, "-c",
       "import importlib.util\n"
       "print(' '.join(m for m in ('matplotlib', 'h5py', 'numpy') if importlib.util.find_spec(m) is None))"});
  if (result.exit.exit_code == 127 && result.output.empty())
    return "cannot run the Python interpreter \"" + python + "\": install Debian's python3 (apt-get install python3 " +
           "python3-matplotlib python3-h5py python3-numpy) or set CONVIVIA_PYTHON to an interpreter that has them";
  if (!result.exit.success())
    return "the Python interpreter \"" + python + "\" failed to start: " + result.exit.describe() + "\n" + result.output;
  std::istringstream missing(result.output);
  std::string module, packages, modules;
  while (missing >> module) {
    modules += (modules.empty() ? "" : ", ") + module;
    packages += " python3-" + module;
  }
  if (modules.empty()) return "";
  return "the Python interpreter \"" + python + "\" lacks " + modules + ", which the report draws with: install the Debian package" +
         (packages.find(' ', 1) != std::string::npos ? "s" : "") + " (apt-get install" + packages +
         ") or set CONVIVIA_PYTHON to an interpreter that has them";
}

}  // namespace convivia
