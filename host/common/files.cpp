#include "common/files.hpp"

#include <cstdio>
#include <memory>

namespace vigie {

std::optional<std::string> read_whole_file(const std::filesystem::path& file, std::size_t max_bytes) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(file.c_str(), "rb"), &std::fclose);
  if (!f) return std::nullopt;
  std::string out;
  char chunk[16384];
  std::size_t n = 0;
  while ((n = std::fread(chunk, 1, sizeof chunk, f.get())) > 0) {
    out.append(chunk, n);
    if (out.size() > max_bytes) return std::nullopt;
  }
  if (std::ferror(f.get())) return std::nullopt;
  return out;
}

}  // namespace vigie
