// vigie-host: what the browser starts for each native-messaging port.
// Only wiring lives here; see docs/ARCHITECTURE.md.
#include <spdlog/spdlog.h>
#include <sys/stat.h>
#include <unistd.h>

#include <boost/asio/io_context.hpp>
#include <cstdio>
#include <memory>

#include "app/dispatcher.hpp"
#include "app/retention.hpp"
#include "common/callers.hpp"
#include "common/logging.hpp"
#include "common/paths.hpp"
#include "common/version.hpp"
#include "protocol/frame_codec.hpp"
#include "storage/migrations.hpp"
#include "transport/stdio_channel.hpp"

namespace {

enum : int { exit_usage = 2, exit_forbidden = 4, exit_setup = 5 };

void print_usage() {
  std::fprintf(stderr,
               "vigie-host %s: the native-messaging host of Vigie.\n"
               "Your browser starts it (as %s) and talks to it over stdin/stdout;\n"
               "it is not meant to be run by hand. To look at or manage your data, use\n"
               "`vigie --help` (for example `vigie stats`, `vigie list`, `vigie doctor`).\n",
               vigie::host_version, vigie::native_host_name());
}

void write_raw(int fd, const std::string& payload) {
  const std::string frame = vigie::protocol::encode_frame(payload);
  [[maybe_unused]] const auto n = ::write(fd, frame.data(), frame.size());
}

}  // namespace

int main(int argc, char** argv) {
  ::umask(077);  // database, WAL and logs are the user's alone
  int out_fd = -1;
  try {
    out_fd = vigie::transport::take_stdout();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "vigie-host: %s\n", e.what());
    return exit_setup;
  }

  const auto who = vigie::identify_caller(argc, argv);
  if (who.kind == vigie::caller_kind::none) {
    print_usage();
    return exit_usage;
  }

  vigie::paths paths;
  try {
    paths = vigie::resolve_paths();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "vigie-host: %s\n", e.what());
    write_raw(out_fd, vigie::protocol::error_reply(nullptr, vigie::errc::storage_error, e.what()));
    return exit_setup;
  }
  vigie::init_logging(paths.log_dir, "vigie-host.log");
  spdlog::info("start: vigie-host {} pid {} caller {}", vigie::host_version, ::getpid(), who.origin);

  if (!vigie::is_allowed(who, vigie::read_allowed_callers(paths.config_dir / "allowed-callers"))) {
    spdlog::warn("forbidden caller {}: not one of Vigie's extensions nor in allowed-callers", who.origin);
    write_raw(out_fd, vigie::protocol::error_reply(nullptr, vigie::errc::forbidden,
                                                   "caller " + who.origin + " is not allowed to use Vigie's host"));
    return exit_forbidden;
  }

  // A host that cannot open its database still answers, so the extension can
  // show why instead of "Native host has exited".
  std::unique_ptr<vigie::storage::database> db;
  std::string setup_error;
  try {
    vigie::ensure_private_dir(paths.data_dir);
    vigie::storage::database::configure(/*single_thread=*/true);  // one thread, one connection
    vigie::storage::open_options options;
    options.cache_kib = vigie::storage::host_cache_kib;  // small footprint: see host_cache_kib
    db = std::make_unique<vigie::storage::database>(paths.database().string(), options);
    vigie::storage::migrate(*db);
  } catch (const std::exception& e) {
    setup_error = e.what();
    spdlog::error("storage unavailable: {}", setup_error);
  }

  auto clock = vigie::domain::clock_from_environment();
  boost::asio::io_context io(1);
  vigie::transport::channel_handlers handlers;
  std::unique_ptr<vigie::app::context> ctx;
  std::unique_ptr<vigie::app::dispatcher> dispatch;
  if (db) {
    ctx = std::make_unique<vigie::app::context>(vigie::app::context{*db, *clock, paths, who});
    dispatch = std::make_unique<vigie::app::dispatcher>(*ctx);
    vigie::app::register_all_handlers(*dispatch);
    try {
      vigie::app::apply_retention(*ctx);
    } catch (const std::exception& e) {
      // Old data kept one more session is better than no session at all.
      spdlog::warn("retention not applied: {}", e.what());
    }
    handlers.on_batch = [&](std::vector<std::string>& batch) { return dispatch->handle_batch(batch); };
  } else {
    handlers.on_batch = [&](std::vector<std::string>& batch) {
      std::vector<std::string> replies;
      for (const auto& payload : batch) {
        nlohmann::json id = nullptr;
        try {
          id = vigie::protocol::extract_id(vigie::protocol::parse_object(payload));
        } catch (const std::exception&) {
        }
        replies.push_back(vigie::protocol::error_reply(id, vigie::errc::storage_error, setup_error));
      }
      return replies;
    };
  }
  handlers.on_fatal = [](const std::string& reason) { return vigie::app::dispatcher::fatal_reply(reason); };

  int status = 0;
  try {
    vigie::transport::stdio_channel channel(io, STDIN_FILENO, out_fd, std::move(handlers));
    status = channel.run();
  } catch (const std::exception& e) {
    spdlog::critical("transport failed: {}", e.what());
    status = exit_setup;
  }
  spdlog::info("exit: status {}", status);
  spdlog::shutdown();
  return status;
}
