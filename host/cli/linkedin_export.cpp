#include "cli/linkedin_export.hpp"

#include <optional>
#include <unordered_map>

#include "app/input_limits.hpp"
#include "common/error.hpp"
#include "domain/csv_reader.hpp"
#include "domain/profile_key.hpp"
#include "domain/us_date.hpp"

namespace vigie::cli {

namespace {

using domain::csv_row;

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

[[noreturn]] void fail(std::string_view file, std::size_t line, const std::string& what) {
  throw error(errc::bad_import, std::string(file) + " line " + std::to_string(line) + ": " + what);
}

// Column positions by header name: LinkedIn has added columns over the years
// and may reorder them, so nothing relies on positions.
class columns {
 public:
  columns(std::string_view file, const csv_row& header) : file_(file), line_(header.line), width_(header.fields.size()) {
    for (std::size_t i = 0; i < header.fields.size(); ++i) index_.emplace(std::string(trim(header.fields[i])), i);
  }
  bool has(const std::string& name) const { return index_.count(name) != 0; }
  void require(std::initializer_list<const char*> names) const {
    for (const char* name : names)
      if (!has(name)) fail(file_, line_, std::string("missing column \"") + name + "\" in the header");
  }
  // Empty when the column is absent (older exports).
  std::string get(const csv_row& row, const std::string& name) const {
    const auto it = index_.find(name);
    return it == index_.end() ? std::string() : std::string(trim(row.fields[it->second]));
  }
  std::string get_raw(const csv_row& row, const std::string& name) const {
    const auto it = index_.find(name);
    return it == index_.end() ? std::string() : row.fields[it->second];
  }
  void check_width(const csv_row& row) const {
    if (row.fields.size() != width_)
      fail(file_, row.line, std::to_string(row.fields.size()) + " fields where the header (line " +
                                std::to_string(line_) + ") has " + std::to_string(width_));
  }

 private:
  std::string_view file_;
  std::size_t line_;
  std::size_t width_;
  std::unordered_map<std::string, std::size_t> index_;
};

template <typename Parse>
auto with_line(std::string_view file, std::size_t line, Parse parse) {
  try {
    return parse();
  } catch (const error& e) {
    fail(file, line, e.what());
  }
}

// The host's bounds for a request's fields, with the file and line: these
// rows reach the ledger without passing a request's checks.
void check_text(std::string_view file, std::size_t line, std::string_view column, const std::string& value,
                std::size_t max) {
  if (value.size() > max)
    fail(file, line, std::string(column) + " is " + std::to_string(value.size()) + " bytes, over its limit of " +
                         std::to_string(max));
}

void check_date(std::string_view file, std::size_t line, std::string_view column, domain::millis at) {
  if (at < app::bounds::earliest_time) fail(file, line, std::string(column) + " is before 2003");
}

// A URL that is not a LinkedIn profile (a company page, another site) is a
// file that is not what it claims to be: refused with its line, as the ledger
// would refuse it without one.
void check_profile_url(std::string_view file, std::size_t line, const std::string& url) {
  (void)with_line(file, line, [&] { return domain::canonical_profile_key("linkedin", url); });
}

void tick(const progress_fn& progress, std::string_view file, std::size_t rows, bool last) {
  if (progress && (last || rows % 1000 == 0)) progress(file, rows);
}

using invitation_fn = std::function<void(imported_invitation&&)>;
using connection_fn = std::function<void(imported_connection&&)>;
// Full name -> URL, for URL-less invitations; an empty URL marks a name two
// connections share (ambiguous: not matched).
using urls_by_name = std::unordered_map<std::string, std::string>;

// Streams one file through the CSV reader.
void read_rows(const byte_source& source, std::string_view file, const domain::csv_row_fn& each) {
  domain::csv_reader reader(file, each);
  source([&](std::string_view chunk) { reader.feed(chunk); });
  reader.finish();
}

// One pass over Connections.csv. `counts` is null on a second pass: the rows
// were counted (and reported) by the first.
void read_connections(const byte_source& source, export_counts* counts, const connection_fn& each,
                      const progress_fn& progress) {
  // Skip the "Notes:" preamble: the header is the first row naming the columns.
  std::optional<columns> cols;
  std::size_t first_line = 0;
  std::size_t rows = 0;
  std::size_t without_url = 0;
  read_rows(source, connections_file, [&](const csv_row& row) {
    if (!first_line) first_line = row.line;
    if (!cols) {
      if (row.fields.size() > 1 && trim(row.fields[0]) == "First Name") {
        cols.emplace(connections_file, row);
        cols->require({"First Name", "Last Name", "URL", "Connected On"});
      }
      return;
    }
    cols->check_width(row);
    ++rows;
    if (counts) tick(progress, connections_file, rows, false);
    imported_connection c;
    c.line = row.line;
    c.profile_url = cols->get(row, "URL");
    const auto first = cols->get(row, "First Name");
    const auto last = cols->get(row, "Last Name");
    c.name = std::string(trim(first + " " + last));
    c.company = cols->get(row, "Company");
    c.position = cols->get(row, "Position");
    const auto date = cols->get(row, "Connected On");
    c.connected_at = with_line(connections_file, row.line, [&] { return domain::parse_day_month_year(date); });
    if (c.profile_url.empty()) {
      ++without_url;
      return;
    }
    using namespace app::bounds;
    check_text(connections_file, row.line, "URL", c.profile_url, max_url);
    check_text(connections_file, row.line, "the name", c.name, max_short_text);
    check_text(connections_file, row.line, "Company", c.company, max_short_text);
    check_text(connections_file, row.line, "Position", c.position, max_short_text);
    check_date(connections_file, row.line, "Connected On", c.connected_at);
    check_profile_url(connections_file, row.line, c.profile_url);
    each(std::move(c));
  });
  if (!cols)
    fail(connections_file, first_line ? first_line : 1,
         "no header line \"First Name,Last Name,URL,...,Connected On\" found");
  if (!counts) return;
  counts->connection_rows = rows;
  counts->connections_without_url = without_url;
  tick(progress, connections_file, rows, true);
}

void read_invitations(const byte_source& source, const urls_by_name& url_by_name, export_counts& counts,
                      const invitation_fn& each, const progress_fn& progress) {
  std::optional<columns> cols;
  read_rows(source, invitations_file, [&](const csv_row& row) {
    if (!cols) {
      cols.emplace(invitations_file, row);
      cols->require({"From", "To", "Sent At", "Direction"});
      return;
    }
    cols->check_width(row);
    ++counts.invitation_rows;
    tick(progress, invitations_file, counts.invitation_rows, false);
    imported_invitation inv;
    inv.line = row.line;
    const auto direction = cols->get(row, "Direction");
    const bool outgoing = direction == "OUTGOING";
    if (!outgoing && direction != "INCOMING")
      fail(invitations_file, row.line, "Direction is \"" + direction + "\", expected OUTGOING or INCOMING");
    inv.direction = outgoing ? domain::direction::sent : domain::direction::received;
    inv.name = cols->get(row, outgoing ? "To" : "From");
    inv.profile_url = cols->get(row, outgoing ? "inviteeProfileUrl" : "inviterProfileUrl");
    inv.note = cols->get_raw(row, "Message");
    const auto sent_at = cols->get(row, "Sent At");
    inv.at = with_line(invitations_file, row.line, [&] { return domain::parse_us_datetime(sent_at); });
    if (inv.profile_url.empty()) {
      const auto match = url_by_name.find(inv.name);
      if (match == url_by_name.end() || match->second.empty()) {
        ++counts.invitations_without_url;
        return;
      }
      inv.profile_url = match->second;
      ++counts.invitations_matched_by_name;
    }
    using namespace app::bounds;
    check_text(invitations_file, row.line, outgoing ? "inviteeProfileUrl" : "inviterProfileUrl", inv.profile_url, max_url);
    check_text(invitations_file, row.line, outgoing ? "To" : "From", inv.name, max_short_text);
    check_text(invitations_file, row.line, "Message", inv.note, max_long_text);
    check_date(invitations_file, row.line, "Sent At", inv.at);
    check_profile_url(invitations_file, row.line, inv.profile_url);
    each(std::move(inv));
  });
  if (!cols) fail(invitations_file, 1, "empty file: no header line \"From,To,Sent At,...\"");
  tick(progress, invitations_file, counts.invitation_rows, true);
}

// Every kept row of the export, invitations first, then connections.
export_counts for_each_export_row(const std::optional<byte_source>& invitations_csv,
                                  const std::optional<byte_source>& connections_csv, const invitation_fn& on_invitation,
                                  const connection_fn& on_connection, const progress_fn& progress) {
  export_counts counts;
  if (invitations_csv) {
    urls_by_name url_by_name;
    // Connections first, to check them before anything is written and to key
    // the URL-less invitations of older exports; kept: names and URLs only.
    if (connections_csv)
      read_connections(*connections_csv, &counts, [&](imported_connection&& c) {
        const auto [it, inserted] = url_by_name.emplace(std::move(c.name), c.profile_url);
        if (!inserted && it->second != c.profile_url) it->second.clear();
      }, progress);
    read_invitations(*invitations_csv, url_by_name, counts, on_invitation, progress);
  }
  if (connections_csv)
    read_connections(*connections_csv, invitations_csv ? nullptr : &counts, on_connection, progress);
  return counts;
}

byte_source from_text(const std::string& text) {
  return [&text](const byte_sink& sink) { sink(text); };
}

}  // namespace

export_counts read_linkedin_export(const std::optional<byte_source>& invitations_csv,
                                   const std::optional<byte_source>& connections_csv, const batch_fn& send,
                                   const progress_fn& progress) {
  import_batch batch;
  const auto flush = [&] {
    if (batch.rows() == 0) return;
    send(batch);
    batch.invitations.clear();
    batch.connections.clear();
  };
  const auto counts = for_each_export_row(
      invitations_csv, connections_csv,
      [&](imported_invitation&& inv) {
        batch.invitations.push_back(std::move(inv));
        if (batch.rows() >= import_batch_rows) flush();
      },
      [&](imported_connection&& c) {
        batch.connections.push_back(std::move(c));
        if (batch.rows() >= import_batch_rows) flush();
      },
      progress);
  flush();
  return counts;
}

linkedin_export parse_linkedin_export(const std::optional<std::string>& invitations_csv,
                                      const std::optional<std::string>& connections_csv,
                                      const progress_fn& progress) {
  linkedin_export out;
  std::optional<byte_source> invitations, connections;
  if (invitations_csv) invitations = from_text(*invitations_csv);
  if (connections_csv) connections = from_text(*connections_csv);
  static_cast<export_counts&>(out) = for_each_export_row(
      invitations, connections, [&](imported_invitation&& inv) { out.invitations.push_back(std::move(inv)); },
      [&](imported_connection&& c) { out.connections.push_back(std::move(c)); }, progress);
  return out;
}

namespace {

domain::profile linkedin_person(const std::string& url, const std::string& name) {
  domain::profile p;
  p.network = "linkedin";
  p.profile_url = url;
  if (!name.empty()) p.name = name;
  return p;
}

}  // namespace

domain::profile profile_of(const imported_invitation& row) { return linkedin_person(row.profile_url, row.name); }

domain::profile profile_of(const imported_connection& row) {
  // No degree: the connection itself is recorded, with its date (import_connection).
  auto p = linkedin_person(row.profile_url, row.name);
  if (!row.company.empty()) p.current_company = row.company;
  if (!row.position.empty()) p.current_title = row.position;
  return p;
}

}  // namespace vigie::cli
