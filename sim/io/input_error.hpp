// Errors in user input (scenario files, --set overrides, data tables). The message names the file,
// the line (0 if unknown), the key, and says what was expected. The command line turns these into
// exit status 2 and writes no output file.
#pragma once

#include <stdexcept>
#include <string>

namespace convivia {

class InputError : public std::runtime_error {
 public:
  InputError(std::string file, int line, std::string key, const std::string& what_expected)
      : std::runtime_error(format(file, line, key, what_expected)),
        file_(std::move(file)), line_(line), key_(std::move(key)) {}

  const std::string& file() const { return file_; }
  int line() const { return line_; }
  const std::string& key() const { return key_; }

 private:
  static std::string format(const std::string& file, int line, const std::string& key, const std::string& message) {
    // Built with append: GCC 12 warns falsely (-Wrestrict) on chained operator+ here.
    std::string text;
    text.append(file);
    if (line > 0) text.append(":").append(std::to_string(line));
    if (!key.empty()) text.append(": ").append(key);
    text.append(": ").append(message);
    return text;
  }
  std::string file_;
  int line_;
  std::string key_;
};

}  // namespace convivia
