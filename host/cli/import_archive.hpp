#pragma once
// Gets the CSV files of a data export out of what the user has: the ZIP the
// network sent, the folder it was extracted to, or one of its CSV files. The
// files are streamed, 64 KiB at a time, never held whole.
#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>

namespace vigie::cli {

// A data export's CSV is a few MB (30,000 rows take about 6); a file over this
// is refused, from the ZIP's headers or the file's size and again while
// reading, so a hostile archive or a path to /dev/zero is never read beyond it.
inline constexpr std::size_t max_export_file_bytes = std::size_t{32} << 20;
// The size of the chunks handed over (and of the reads behind them).
inline constexpr std::size_t export_chunk_bytes = std::size_t{64} << 10;

// Bytes of a file, in order, at most export_chunk_bytes at a time; the view
// is valid during the call only.
using chunk_fn = std::function<void(std::string_view)>;

class export_files {
 public:
  // Finds the files among `wanted` (base names such as "Invitations.csv") in
  // `path`. In a ZIP or a folder a file may sit in a subfolder (some unzip
  // tools add one); the shallowest copy wins. Throws vigie::error: not_found
  // when `path` does not exist, bad_import when it is not a readable ZIP or a
  // ZIP entry's header announces more than max_export_file_bytes.
  export_files(const std::filesystem::path& path, const std::set<std::string>& wanted);

  bool has(const std::string& name) const { return where_.count(name) != 0; }
  bool empty() const { return where_.empty(); }

  // Streams the file `name` (one that has() finds) to `each`. May be called
  // again: every call reads the file (or the ZIP entry) from its start, so a
  // second pass costs time, not memory. Throws vigie::error(bad_import) when
  // the file cannot be read or holds more than max_export_file_bytes (checked
  // while reading too: a header or a size can lie, /dev/zero has none), and
  // lets what `each` throws go through.
  void read(const std::string& name, const chunk_fn& each) const;

 private:
  void find_in_folder(const std::filesystem::path& root, const std::set<std::string>& wanted);
  void find_in_zip(const std::set<std::string>& wanted);
  void read_zip_entry(const std::string& name, const chunk_fn& each) const;

  struct location {
    std::filesystem::path file;  // the file itself, or the entry's path inside the ZIP
    std::size_t entry = 0;       // ZIP only: the entry's position among the archive's headers
  };
  std::filesystem::path path_;
  bool zip_ = false;
  std::map<std::string, location> where_;
};

}  // namespace vigie::cli
