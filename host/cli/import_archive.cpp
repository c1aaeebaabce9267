#include "cli/import_archive.hpp"

#include <archive.h>
#include <archive_entry.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <vector>

#include "common/error.hpp"

namespace vigie::cli {

namespace fs = std::filesystem;

namespace {

std::string too_large(const std::string& what) {
  return what + " is larger than " + std::to_string(max_export_file_bytes >> 20) +
         " MiB: not a data export's CSV file";
}

std::size_t depth_of(const fs::path& relative) {
  return static_cast<std::size_t>(std::distance(relative.begin(), relative.end()));
}

struct archive_closer {
  void operator()(archive* a) const noexcept { archive_read_free(a); }
};
using archive_ptr = std::unique_ptr<archive, archive_closer>;

// An error naming the ZIP, with libarchive's own words when it has some.
error zip_error(const fs::path& zip, archive* a, const std::string& what) {
  const char* detail = a ? archive_error_string(a) : nullptr;
  return error(errc::bad_import, zip.string() + ": " + what + (detail ? std::string(" (") + detail + ")" : ""));
}

archive_ptr open_zip(const fs::path& zip) {
  archive_ptr a(archive_read_new());
  if (!a) throw error(errc::internal, "libarchive: out of memory");
  archive_read_support_format_zip(a.get());
  if (archive_read_open_filename(a.get(), zip.c_str(), export_chunk_bytes) != ARCHIVE_OK)
    throw zip_error(zip, a.get(), "not a ZIP archive that can be read");
  return a;
}

// The size the archive announces, checked before a byte is inflated: a small
// ZIP of 300 MB of commas is refused unread.
void check_announced_size(const fs::path& zip, archive* a, archive_entry* entry, const char* name) {
  if (archive_entry_size_is_set(entry) && archive_entry_size(entry) > static_cast<la_int64_t>(max_export_file_bytes))
    throw zip_error(zip, a, too_large(name));
}

}  // namespace

export_files::export_files(const fs::path& path, const std::set<std::string>& wanted) : path_(path) {
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) throw error(errc::not_found, "no such file or folder: " + path.string());
  if (fs::is_directory(status)) {
    find_in_folder(path, wanted);
    return;
  }
  const std::string name = path.filename().string();
  if (wanted.count(name)) {
    where_[name] = {path, 0};
    return;
  }
  zip_ = true;
  find_in_zip(wanted);
}

void export_files::find_in_folder(const fs::path& root, const std::set<std::string>& wanted) {
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
    const auto found = where_.find(name);
    if (found == where_.end() ||
        depth_of(fs::relative(it->path(), root)) < depth_of(fs::relative(found->second.file, root)))
      where_[name] = {it->path(), 0};
  }
}

void export_files::find_in_zip(const std::set<std::string>& wanted) {
  auto a = open_zip(path_);
  std::map<std::string, std::size_t> depth;
  archive_entry* entry = nullptr;
  for (std::size_t index = 0;; ++index) {
    const int status = archive_read_next_header(a.get(), &entry);
    if (status == ARCHIVE_EOF) break;
    if (status < ARCHIVE_WARN) throw zip_error(path_, a.get(), "damaged ZIP archive");
    const char* raw_name = archive_entry_pathname(entry);
    if (!raw_name || archive_entry_filetype(entry) != AE_IFREG) continue;
    const fs::path entry_path(raw_name);
    const std::string name = entry_path.filename().string();
    if (!wanted.count(name)) continue;
    const std::size_t d = depth_of(entry_path);
    if (depth.count(name) && depth[name] <= d) continue;
    check_announced_size(path_, a.get(), entry, raw_name);
    where_[name] = {entry_path, index};
    depth[name] = d;
  }
}

void export_files::read(const std::string& name, const chunk_fn& each) const {
  const auto it = where_.find(name);
  if (it == where_.end()) throw error(errc::internal, name + " is not in " + path_.string());
  if (zip_) return read_zip_entry(name, each);

  const fs::path& file = it->second.file;
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(file.c_str(), "rb"), &std::fclose);
  if (!f) throw error(errc::bad_import, "cannot read " + file.string() + ": " + std::strerror(errno));
  // The size first (a regular file says it), then what really comes: a FIFO
  // or /dev/zero behind a symlink, or a file still growing, ends at the cap.
  struct stat st {};
  if (::fstat(::fileno(f.get()), &st) == 0 && S_ISREG(st.st_mode) &&
      static_cast<std::uintmax_t>(st.st_size) > max_export_file_bytes)
    throw error(errc::bad_import, too_large(file.string()));
  std::vector<char> buffer(export_chunk_bytes);
  std::size_t total = 0;
  std::size_t n = 0;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), f.get())) > 0) {
    total += n;
    if (total > max_export_file_bytes) throw error(errc::bad_import, too_large(file.string()));
    each(std::string_view(buffer.data(), n));
  }
  if (std::ferror(f.get())) throw error(errc::bad_import, "cannot read " + file.string() + ": " + std::strerror(errno));
}

// libarchive reads a ZIP forwards; reading an entry again opens the archive
// again and skips the headers before it (skipping does not inflate).
void export_files::read_zip_entry(const std::string& name, const chunk_fn& each) const {
  const location& at = where_.at(name);
  const std::string shown = at.file.string();
  auto a = open_zip(path_);
  archive_entry* entry = nullptr;
  for (std::size_t index = 0; index <= at.entry; ++index) {
    const int status = archive_read_next_header(a.get(), &entry);
    if (status == ARCHIVE_EOF) throw zip_error(path_, a.get(), "the archive changed while it was read");
    if (status < ARCHIVE_WARN) throw zip_error(path_, a.get(), "damaged ZIP archive");
  }
  check_announced_size(path_, a.get(), entry, shown.c_str());
  std::vector<char> buffer(export_chunk_bytes);
  std::size_t total = 0;
  for (;;) {
    const la_ssize_t n = archive_read_data(a.get(), buffer.data(), buffer.size());
    if (n < 0) throw zip_error(path_, a.get(), "cannot extract " + shown);
    if (n == 0) break;
    // What the entry really inflates to: a header can lie, or say nothing.
    total += static_cast<std::size_t>(n);
    if (total > max_export_file_bytes) throw zip_error(path_, a.get(), too_large(shown));
    each(std::string_view(buffer.data(), static_cast<std::size_t>(n)));
  }
}

}  // namespace vigie::cli
