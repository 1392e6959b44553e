// Finding the Python side of `convivia report`: the interpreter and the drawing scripts
// (analysis/report in the source tree, whose path CMake configures at build time). Both can be
// overridden by environment variables, for an installed copy or another interpreter:
//   CONVIVIA_PYTHON          the interpreter; default /usr/bin/python3 (Debian's, which has
//                            python3-h5py and python3-matplotlib), else python3 on PATH
//   CONVIVIA_REPORT_SCRIPTS  the directory holding make_report.py
#pragma once

#include <string>

namespace convivia {

std::string report_python();
std::string report_scripts_directory();

// Empty if the interpreter runs and imports matplotlib, h5py and numpy; otherwise what is wrong and
// which Debian package to install.
std::string report_python_problem(const std::string& python);

}  // namespace convivia
