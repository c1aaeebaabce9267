#include "app/export_format.hpp"

#include <array>

#include <nlohmann/json.hpp>

#include "domain/csv_writer.hpp"
#include "protocol/message.hpp"

namespace vigie::app {

namespace {

using json = nlohmann::json;

// The columns, once: their order is the CSV header's and the JSON keys'.
constexpr std::array<const char*, 15> columns = {
    "id",      "network", "direction",     "status",     "created_at", "decided_at", "source", "name",
    "profile_url", "headline", "current_title", "risk_level", "risk_score", "verdict",    "note"};

std::array<json, columns.size()> values(const storage::listed_invitation& item) {
  const auto& i = item.invitation;
  auto opt = [](const auto& v) { return v ? json(*v) : json(nullptr); };
  return {json(i.id),
          json(i.network),
          json(i.direction),
          json(i.status),
          json(domain::format_iso8601_local(i.created_at)),
          i.decided_at ? json(domain::format_iso8601_local(*i.decided_at)) : json(nullptr),
          json(i.source),
          opt(item.name),
          json(item.profile_url),
          opt(item.headline),
          opt(item.current_title),
          opt(item.level),
          opt(item.score),
          opt(item.verdict),
          i.note.empty() ? json(nullptr) : json(i.note)};
}

std::string csv_line(const std::array<json, columns.size()>& v) {
  std::string line;
  for (std::size_t c = 0; c < v.size(); ++c) {
    if (c) line += ',';
    if (v[c].is_string()) line += domain::csv_escape(v[c].get_ref<const std::string&>());
    else if (!v[c].is_null()) line += v[c].dump();
  }
  return line + "\r\n";
}

std::string json_item(const std::array<json, columns.size()>& v) {
  json o = json::object();
  for (std::size_t c = 0; c < v.size(); ++c) o[columns[c]] = v[c];
  return protocol::dump(o);
}

// What the text costs once it travels inside the reply's JSON string, counted
// as protocol::dump escapes it (UTF-8 kept as is; quote, backslash and the
// five short escapes take 2 bytes, other control characters 6), without
// serialising every row a second time to measure it.
std::size_t escaped_size(std::string_view text) {
  std::size_t n = 2;  // the quotes
  for (const unsigned char c : text) {
    if (c == '"' || c == '\\' || c == '\b' || c == '\f' || c == '\n' || c == '\r' || c == '\t') n += 2;
    else if (c < 0x20) n += 6;
    else n += 1;
  }
  return n;
}

}  // namespace

std::optional<export_format> export_format_from(std::string_view name) {
  if (name == "csv") return export_format::csv;
  if (name == "json") return export_format::json_array;
  return std::nullopt;
}

export_chunk export_invitations(storage::database& db, storage::list_filter filter, export_format format,
                                std::size_t budget) {
  export_chunk out;
  const auto first = filter.offset;
  if (first == 0) {
    if (format == export_format::csv) {
      std::string header = "\xEF\xBB\xBF";
      for (std::size_t c = 0; c < columns.size(); ++c) header += (c ? "," : "") + std::string(columns[c]);
      out.text = header + "\r\n";
    } else {
      out.text = "[";
    }
  }
  std::size_t size = escaped_size(out.text);
  storage::invitations_repository repo(db);
  filter.limit = 1000;
  bool full = false;
  for (;;) {
    auto [total, rows] = repo.list(filter);
    out.total = total;
    for (const auto& row : rows) {
      const auto v = values(row);
      const auto position = first + out.rows;  // this row's index in the whole export
      std::string piece = format == export_format::csv ? csv_line(v)
                                                       : (position == 0 ? "\n" : ",\n") + json_item(v);
      const auto cost = escaped_size(piece) - 2;  // minus the quotes counted once
      if (out.rows > 0 && size + cost > budget) { full = true; break; }
      size += cost;
      out.text += piece;
      ++out.rows;
    }
    if (full || rows.empty() || first + out.rows >= total) break;
    filter.offset = first + out.rows;
  }
  const auto end = first + out.rows;
  if (end < out.total) {
    out.next_offset = end;
  } else if (format == export_format::json_array) {
    out.text += out.total == 0 || end == 0 ? "]\n" : "\n]\n";
  }
  return out;
}

}  // namespace vigie::app
