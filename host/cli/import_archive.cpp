#include "cli/import_archive.hpp"

#include <archive.h>
#include <archive_entry.h>

#include <memory>

#include "common/error.hpp"
#include "common/files.hpp"

namespace vigie::cli {

namespace fs = std::filesystem;

namespace {

std::string too_large(const std::string& what) {
  return what + " is larger than " + std::to_string(max_export_file_bytes >> 20) +
         " MiB: not a data export's CSV file";
}

// Capped while reading, whatever the file is (a FIFO, /dev/zero behind a
// symlink, a file still growing): never more than the cap in memory.
std::string read_file(const fs::path& file) {
  auto text = read_whole_file(file, max_export_file_bytes);
  if (!text) throw error(errc::bad_import, "cannot read " + file.string() + " (unreadable, or " + too_large("it") + ")");
  return std::move(*text);
}

std::size_t depth_of(const fs::path& relative) {
  return static_cast<std::size_t>(std::distance(relative.begin(), relative.end()));
}

std::map<std::string, std::string> read_folder(const fs::path& root, const std::set<std::string>& wanted) {
  std::map<std::string, fs::path> best;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(root, fs::directory_options::skip_permission_denied, ec);
       it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) break;
    if (it.depth() > 2) {
      it.disable_recursion_pending();
      continue;
    }
    const std::string name = it->path().filename().string();
    if (!wanted.count(name) || !it->is_regular_file()) continue;
    const auto found = best.find(name);
    if (found == best.end() || depth_of(fs::relative(it->path(), root)) < depth_of(fs::relative(found->second, root)))
      best[name] = it->path();
  }
  std::map<std::string, std::string> files;
  for (const auto& [name, file] : best) files[name] = read_file(file);
  return files;
}

struct archive_closer {
  void operator()(archive* a) const noexcept { archive_read_free(a); }
};

std::map<std::string, std::string> read_zip(const fs::path& zip, const std::set<std::string>& wanted) {
  std::unique_ptr<archive, archive_closer> a(archive_read_new());
  if (!a) throw error(errc::internal, "libarchive: out of memory");
  archive_read_support_format_zip(a.get());
  const auto fail = [&](const std::string& what) -> error {
    const char* detail = archive_error_string(a.get());
    return error(errc::bad_import, zip.string() + ": " + what + (detail ? std::string(" (") + detail + ")" : ""));
  };
  if (archive_read_open_filename(a.get(), zip.c_str(), 64 * 1024) != ARCHIVE_OK)
    throw fail("not a ZIP archive that can be read");

  std::map<std::string, std::string> files;
  std::map<std::string, std::size_t> depth;
  archive_entry* entry = nullptr;
  for (;;) {
    const int status = archive_read_next_header(a.get(), &entry);
    if (status == ARCHIVE_EOF) break;
    if (status < ARCHIVE_WARN) throw fail("damaged ZIP archive");
    const char* raw_name = archive_entry_pathname(entry);
    if (!raw_name || archive_entry_filetype(entry) != AE_IFREG) continue;
    const fs::path entry_path(raw_name);
    const std::string name = entry_path.filename().string();
    if (!wanted.count(name)) continue;
    const std::size_t d = depth_of(entry_path);
    if (depth.count(name) && depth[name] <= d) continue;
    // The size the archive announces first, then what it really inflates to
    // (a header can lie): a small ZIP of 300 MB of commas is refused unread.
    if (archive_entry_size_is_set(entry) && archive_entry_size(entry) > static_cast<la_int64_t>(max_export_file_bytes))
      throw fail(too_large(raw_name));
    std::string content;
    char buffer[64 * 1024];
    for (;;) {
      const la_ssize_t n = archive_read_data(a.get(), buffer, sizeof buffer);
      if (n < 0) throw fail("cannot extract " + std::string(raw_name));
      if (n == 0) break;
      if (content.size() + static_cast<std::size_t>(n) > max_export_file_bytes) throw fail(too_large(raw_name));
      content.append(buffer, static_cast<std::size_t>(n));
    }
    files[name] = std::move(content);
    depth[name] = d;
  }
  return files;
}

}  // namespace

std::map<std::string, std::string> read_export_files(const fs::path& path, const std::set<std::string>& wanted) {
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) throw error(errc::not_found, "no such file or folder: " + path.string());
  if (fs::is_directory(status)) return read_folder(path, wanted);
  const std::string name = path.filename().string();
  if (wanted.count(name)) return {{name, read_file(path)}};
  return read_zip(path, wanted);
}

}  // namespace vigie::cli
