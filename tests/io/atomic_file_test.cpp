// Atomic writes beside a special target: a pipe (or a device such as /dev/null) given as an output
// is written in place, or refused where the output must be a file, and is never renamed over.
#include "io/atomic_file.hpp"
#include "io/hdf5_run_writer.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace convivia {
namespace {

class AtomicFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    directory_ = std::filesystem::temp_directory_path() /
                 ("convivia_atomic_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + "_" +
                  std::to_string(::getpid()));
    std::filesystem::remove_all(directory_);
    std::filesystem::create_directories(directory_);
  }
  void TearDown() override { std::filesystem::remove_all(directory_); }

  // A named pipe with a reader already attached (non-blocking), so a writer can open it at once.
  std::string make_pipe(int& reader) {
    const std::string path = (directory_ / "pipe").string();
    EXPECT_EQ(::mkfifo(path.c_str(), 0600), 0);
    reader = ::open(path.c_str(), O_RDONLY | O_NONBLOCK);
    EXPECT_GE(reader, 0);
    return path;
  }

  std::filesystem::path directory_;
};

bool is_fifo(const std::string& path) { return std::filesystem::is_fifo(std::filesystem::symlink_status(path)); }

TEST_F(AtomicFileTest, RegularFileIsReplacedWhole) {
  const std::string path = (directory_ / "table.csv").string();
  std::ofstream(path) << "old";
  write_file_atomically(path, "new content\n");
  std::ifstream in(path);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(text, "new content\n");
  EXPECT_FALSE(std::filesystem::exists(temporary_path_for(path)));
  EXPECT_FALSE(is_special_file(path));
}

TEST_F(AtomicFileTest, PipeIsWrittenInPlaceAndStaysAPipe) {
  int reader = -1;
  const std::string path = make_pipe(reader);
  ASSERT_TRUE(is_special_file(path));
  write_file_atomically(path, "summary\n");
  char buffer[64] = {};
  const ssize_t n = ::read(reader, buffer, sizeof buffer);
  ::close(reader);
  EXPECT_EQ(std::string(buffer, n > 0 ? static_cast<std::size_t>(n) : 0), "summary\n");
  EXPECT_TRUE(is_fifo(path)) << "the pipe was replaced by a plain file";
  EXPECT_FALSE(std::filesystem::exists(temporary_path_for(path)));
}

TEST_F(AtomicFileTest, AFileOutputOnAPipeIsRefusedAndThePipeKept) {
  int reader = -1;
  const std::string path = make_pipe(reader);
  EXPECT_THROW(require_regular_output(path), OutputError);
  const std::string temporary = temporary_path_for(path);
  std::ofstream(temporary) << "finished HDF5 file";
  try {
    sync_and_rename(temporary, path);
    ADD_FAILURE() << "renamed over a pipe";
  } catch (const OutputError& error) {
    EXPECT_NE(std::string(error.what()).find("not a file"), std::string::npos) << error.what();
  }
  ::close(reader);
  EXPECT_TRUE(is_fifo(path));
  EXPECT_NO_THROW(require_regular_output((directory_ / "new.h5").string()));
}

TEST_F(AtomicFileTest, NullDeviceIsSpecial) {
  if (!std::filesystem::is_character_file("/dev/null")) GTEST_SKIP() << "/dev/null is not a device on this machine";
  EXPECT_TRUE(is_special_file("/dev/null"));
  EXPECT_THROW(require_regular_output("/dev/null"), OutputError);
}

}  // namespace
}  // namespace convivia
