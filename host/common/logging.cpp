#include "common/logging.hpp"

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <cstdlib>

#include "common/paths.hpp"

namespace vigie {

void init_logging(const std::filesystem::path& log_dir, const std::string& file_name) {
  std::shared_ptr<spdlog::logger> logger;
  try {
    ensure_private_dir(log_dir);
    logger = spdlog::rotating_logger_mt("vigie", (log_dir / file_name).string(), 1024 * 1024, 3);
  } catch (const std::exception&) {
    logger = spdlog::stderr_logger_mt("vigie");
  }
  const char* level = std::getenv("VIGIE_LOG_LEVEL");
  logger->set_level(level && *level ? spdlog::level::from_str(level) : spdlog::level::info);
  logger->set_pattern("%Y-%m-%dT%H:%M:%S.%e%z [%P] %l %v");
  logger->flush_on(spdlog::level::warn);
  spdlog::set_default_logger(logger);
}

}  // namespace vigie
