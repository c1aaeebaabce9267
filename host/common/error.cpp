#include "common/error.hpp"

namespace vigie {

std::string_view to_string(errc code) noexcept {
  switch (code) {
    case errc::bad_json: return "bad_json";
    case errc::bad_request: return "bad_request";
    case errc::unknown_type: return "unknown_type";
    case errc::too_large: return "too_large";
    case errc::storage_error: return "storage_error";
    case errc::forbidden: return "forbidden";
    case errc::not_found: return "not_found";
    case errc::bad_import: return "bad_import";
    case errc::internal: return "internal";
  }
  return "internal";
}

}  // namespace vigie
