// Checkpoint files (see checkpoint.hpp). Written and read as streams through stdio, hashing as they
// go, so a checkpoint of millions of residents never has to be held in memory a second time.
#include "io/checkpoint.hpp"

#include "io/atomic_file.hpp"
#include "io/hdf5_run_writer.hpp"
#include "io/input_error.hpp"
#include "io/scenario_parser.hpp"
#include "io/sha256.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>

namespace convivia {
namespace {

constexpr char magic[] = "convivia-checkpoint\n";
constexpr std::size_t magic_size = sizeof(magic) - 1;
constexpr std::size_t digest_size = 32;

using File = std::unique_ptr<std::FILE, decltype(&std::fclose)>;

class WriteArchive final : public StateArchive {
 public:
  WriteArchive(std::FILE* file, std::string path) : file_(file), path_(std::move(path)) {}
  bool reading() const override { return false; }
  void bytes(void* data, std::size_t size) override {
    hash_.update(data, size);
    if (std::fwrite(data, 1, size, file_) != size) throw OutputError("cannot write checkpoint '" + path_ + "': " + std::strerror(errno));
  }
  std::array<std::uint8_t, 32> digest() { return hash_.finish(); }

 private:
  std::FILE* file_;
  std::string path_;
  Sha256 hash_;
};

class ReadArchive final : public StateArchive {
 public:
  ReadArchive(std::FILE* file, std::uint64_t payload_bytes) : file_(file), left_(payload_bytes) {}
  bool reading() const override { return true; }
  void bytes(void* data, std::size_t size) override {
    if (size > left_ || std::fread(data, 1, size, file_) != size) throw StateError("the file ends too early");
    left_ -= size;
  }
  std::uint64_t remaining() const override { return left_; }

 private:
  std::FILE* file_;
  std::uint64_t left_;
};

void archive_header(StateArchive& a, CheckpointHeader& header) {
  std::vector<char> text(header.scenario_sha256.begin(), header.scenario_sha256.end());
  archive_vector(a, text);
  if (a.reading()) header.scenario_sha256.assign(text.begin(), text.end());
  archive_value(a, header.seed);
  archive_value(a, header.day);
  archive_value(a, header.resident_count);
}

// Opens the file, checks the magic line, version and hash; leaves it positioned after the version.
File open_verified(const std::string& path, std::uint64_t& payload_bytes) {
  File file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file) throw InputError(path, 0, "", std::string("cannot open the checkpoint: ") + std::strerror(errno));
  std::error_code error;
  const std::uintmax_t size = std::filesystem::file_size(path, error);
  char head[magic_size] = {};
  std::uint32_t version = 0;
  if (error || size < magic_size + sizeof version + digest_size || std::fread(head, 1, magic_size, file.get()) != magic_size ||
      std::memcmp(head, magic, magic_size) != 0)
    throw InputError(path, 0, "", "not a Convivia checkpoint");
  if (std::fread(&version, sizeof version, 1, file.get()) != 1 || version != checkpoint_format_version)
    throw InputError(path, 0, "", "a checkpoint of format version " + std::to_string(version) + ", this build reads version " +
                                      std::to_string(checkpoint_format_version) + " (resume with the build that wrote it)");
  // The hash covers everything before it, the magic line and version included.
  Sha256 hash;
  hash.update(magic, magic_size);
  hash.update(&version, sizeof version);
  payload_bytes = size - magic_size - sizeof version - digest_size;
  std::vector<char> buffer(1 << 20);
  for (std::uint64_t left = payload_bytes; left > 0;) {
    const std::size_t chunk = static_cast<std::size_t>(std::min<std::uint64_t>(left, buffer.size()));
    if (std::fread(buffer.data(), 1, chunk, file.get()) != chunk) throw InputError(path, 0, "", "cannot read the checkpoint");
    hash.update(buffer.data(), chunk);
    left -= chunk;
  }
  std::array<std::uint8_t, digest_size> stored{};
  if (std::fread(stored.data(), 1, stored.size(), file.get()) != stored.size() || stored != hash.finish())
    throw InputError(path, 0, "", "a damaged checkpoint: its integrity hash does not match its content (was it truncated or "
                                  "changed?); resume from an earlier one or start the run again");
  std::fseek(file.get(), static_cast<long>(magic_size + sizeof version), SEEK_SET);
  return file;
}

}  // namespace

std::string checkpoint_scenario_hash(const ScenarioConfig& config) { return sha256_hex(resolved_scenario_toml(config)); }

void write_checkpoint(const std::string& path, const CheckpointHeader& header, Simulation& simulation, RunRecorder& recorder) {
  const std::string temporary = temporary_path_for(path);
  File file(std::fopen(temporary.c_str(), "wb"), &std::fclose);
  if (!file) throw OutputError("cannot create checkpoint '" + path + "': " + std::strerror(errno));
  try {
    std::vector<char> buffer(1 << 20);
    std::setvbuf(file.get(), buffer.data(), _IOFBF, buffer.size());
    WriteArchive archive(file.get(), path);
    std::array<char, magic_size> head{};
    std::memcpy(head.data(), magic, magic_size);
    archive.bytes(head.data(), head.size());
    std::uint32_t version = checkpoint_format_version;
    archive_value(archive, version);
    CheckpointHeader copy = header;
    archive_header(archive, copy);
    simulation.archive_state(archive);
    recorder.archive(archive);
    const std::array<std::uint8_t, 32> digest = archive.digest();
    if (std::fwrite(digest.data(), 1, digest.size(), file.get()) != digest.size() || std::fflush(file.get()) != 0)
      throw OutputError("cannot write checkpoint '" + path + "': " + std::strerror(errno));
    std::FILE* raw = file.release();
    if (std::fclose(raw) != 0) throw OutputError("cannot write checkpoint '" + path + "': " + std::strerror(errno));
    sync_and_rename(temporary, path);
  } catch (...) {
    file.reset();
    ::unlink(temporary.c_str());
    throw;
  }
}

CheckpointHeader verify_checkpoint(const std::string& path) {
  std::uint64_t payload = 0;
  File file = open_verified(path, payload);
  ReadArchive archive(file.get(), payload);
  CheckpointHeader header;
  try {
    archive_header(archive, header);
  } catch (const StateError& error) {
    throw InputError(path, 0, "", std::string("a damaged checkpoint: ") + error.what());
  }
  return header;
}

void restore_checkpoint(const std::string& path, const std::string& scenario_sha256, Simulation& simulation,
                        RunRecorder& recorder) {
  std::uint64_t payload = 0;
  File file = open_verified(path, payload);
  ReadArchive archive(file.get(), payload);
  try {
    CheckpointHeader header;
    archive_header(archive, header);
    if (header.scenario_sha256 != scenario_sha256)
      throw InputError(path, 0, "", "a checkpoint of another scenario (or of the same one with other --set, --days or --seed "
                                    "values); resume with exactly the scenario and options of the run that wrote it");
    if (header.resident_count != simulation.world().residents.size())
      throw InputError(path, 0, "", "a checkpoint of a city with " + std::to_string(header.resident_count) +
                                        " residents, but the scenario builds " +
                                        std::to_string(simulation.world().residents.size()) + " (have its data files changed?)");
    simulation.archive_state(archive);
    recorder.archive(archive);
    if (archive.remaining() != 0) throw StateError("data left after the end of the state");
  } catch (const StateError& error) {
    throw InputError(path, 0, "", std::string("a checkpoint that does not fit this scenario's world: ") + error.what());
  }
}

}  // namespace convivia
