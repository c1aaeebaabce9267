#include "transport/stdio_channel.hpp"

#include <fcntl.h>
#include <spdlog/spdlog.h>
#include <sys/stat.h>
#include <unistd.h>

#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <csignal>
#include <cerrno>

#include "common/error.hpp"

namespace vigie::transport {

namespace asio = boost::asio;

int take_stdout() {
  const int private_out = ::fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 3);
  if (private_out < 0) throw error(errc::internal, "cannot duplicate stdout");
  ::dup2(STDERR_FILENO, STDOUT_FILENO);
  return private_out;
}

namespace {

bool watchable(int fd) {
  struct stat st {};
  return ::fstat(fd, &st) == 0 && !S_ISREG(st.st_mode);
}

bool write_all(int fd, const std::string& data) {
  std::size_t done = 0;
  while (done < data.size()) {
    const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

}  // namespace

stdio_channel::stdio_channel(asio::io_context& io, int in_fd, int out_fd, channel_handlers handlers)
    : io_(io), in_(io), out_(io), signals_(io, SIGTERM, SIGINT, SIGPIPE), handlers_(std::move(handlers)),
      in_fd_(in_fd), out_fd_(out_fd) {
  // Regular files (a person piping a capture in) cannot be registered with
  // epoll; serve them with plain blocking reads instead.
  blocking_ = !watchable(in_fd) || !watchable(out_fd);
  if (!blocking_) {
    in_.assign(in_fd);
    out_.assign(out_fd);
  }
}

int stdio_channel::run() {
  if (blocking_) return run_blocking();
  signals_.async_wait([this](const boost::system::error_code& ec, int signo) {
    if (ec) return;
    if (signo == SIGPIPE) spdlog::info("SIGPIPE: the browser closed its end");
    else spdlog::info("signal {}: finishing pending replies and exiting", signo);
    finish(exit_ok);
  });
  do_read();
  io_.run();
  return status_;
}

void stdio_channel::do_read() {
  in_.async_read_some(asio::buffer(read_buffer_), [this](const boost::system::error_code& ec, std::size_t n) {
    if (!ec) {
      on_bytes(n);
      if (!closing_) do_read();
      return;
    }
    if (ec == asio::error::operation_aborted) return;
    if (ec == asio::error::eof) {
      if (decoder_.mid_frame())
        spdlog::warn("bad_frame: EOF inside a frame ({} bytes buffered); the browser closed the port",
                     decoder_.buffered());
      else
        spdlog::info("EOF: the browser closed the port");
    } else {
      spdlog::warn("read failed: {}", ec.message());
    }
    finish(exit_ok);
  });
}

void stdio_channel::on_bytes(std::size_t size) {
  decoder_.feed(read_buffer_.data(), size);
  std::vector<std::string> batch;
  std::string fatal_reason;
  for (;;) {
    auto result = decoder_.next();
    if (result.status == protocol::decode_status::message) {
      batch.push_back(std::move(result.body));
      continue;
    }
    if (result.status == protocol::decode_status::error) fatal_reason = result.reason;
    break;
  }
  std::string frames;
  if (!batch.empty()) {
    for (const auto& reply : handlers_.on_batch(batch)) {
      try {
        protocol::append_frame(frames, reply);
      } catch (const error& e) {
        // The dispatcher already keeps replies under the cap; this is the last guard.
        spdlog::error("dropping a reply: {}", e.what());
      }
    }
  }
  if (!fatal_reason.empty()) {
    spdlog::error("stream out of sync, exiting: {}", fatal_reason);
    const std::string reply = handlers_.on_fatal ? handlers_.on_fatal(fatal_reason) : std::string();
    if (!reply.empty()) protocol::append_frame(frames, reply);
    queue(std::move(frames));
    finish(exit_out_of_sync);
    return;
  }
  if (!frames.empty()) queue(std::move(frames));
}

void stdio_channel::queue(std::string frames) {
  if (frames.empty()) return;
  write_queue_.push_back(std::move(frames));
  if (!writing_ && !blocking_) do_write();
}

void stdio_channel::do_write() {
  writing_ = true;
  asio::async_write(out_, asio::buffer(write_queue_.front()),
                    [this](const boost::system::error_code& ec, std::size_t) {
                      writing_ = false;
                      if (ec) {
                        spdlog::warn("write failed ({}): the browser is gone", ec.message());
                        write_queue_.clear();
                        finish(status_);
                        io_.stop();
                        return;
                      }
                      write_queue_.pop_front();
                      if (!write_queue_.empty()) do_write();
                      else if (closing_) io_.stop();
                    });
}

void stdio_channel::finish(int status) {
  if (status != exit_ok) status_ = status;
  if (closing_) return;
  closing_ = true;
  boost::system::error_code ignored;
  in_.cancel(ignored);
  signals_.cancel(ignored);
  if (!writing_ && write_queue_.empty()) io_.stop();
}

int stdio_channel::run_blocking() {
  std::signal(SIGPIPE, SIG_IGN);
  for (;;) {
    const ssize_t n = ::read(in_fd_, read_buffer_.data(), read_buffer_.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      if (decoder_.mid_frame()) spdlog::warn("bad_frame: EOF inside a frame");
      break;
    }
    on_bytes(static_cast<std::size_t>(n));
    while (!write_queue_.empty()) {
      if (!write_all(out_fd_, write_queue_.front())) return status_;
      write_queue_.pop_front();
    }
    if (closing_) break;
  }
  return status_;
}

}  // namespace vigie::transport
