#pragma once
// The native-messaging pipe: Asio stream descriptors on the browser's stdin
// and (a private copy of) its stdout. Reads feed the frame decoder; every
// batch of complete frames goes to the handler at once; replies are written
// through a queue with one write in flight, so they never interleave.
#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/signal_set.hpp>
#include <array>
#include <deque>
#include <functional>
#include <string>
#include <vector>

#include "protocol/frame_codec.hpp"

namespace vigie::transport {

// Moves the real stdout to a private close-on-exec descriptor and points fd 1
// at stderr, so a stray printf anywhere cannot corrupt the frame stream.
// Returns the private descriptor.
int take_stdout();

struct channel_handlers {
  // Complete payloads in arrival order -> reply payloads, one per request.
  std::function<std::vector<std::string>(std::vector<std::string>&)> on_batch;
  // Stream out of sync (impossible length): the one reply to send, if any.
  std::function<std::string(const std::string& reason)> on_fatal;
};

enum exit_status : int {
  exit_ok = 0,          // EOF between frames, signal, or browser gone
  exit_out_of_sync = 3, // impossible frame length: cannot find the next frame
};

class stdio_channel {
 public:
  stdio_channel(boost::asio::io_context& io, int in_fd, int out_fd, channel_handlers handlers);
  // Runs until EOF, a signal or a fatal framing error; returns the exit status.
  int run();

 private:
  void do_read();
  void on_bytes(std::size_t size);
  void queue(std::string frames);
  void do_write();
  void finish(int status);
  int run_blocking();  // stdin is a regular file: epoll cannot watch it

  boost::asio::io_context& io_;
  boost::asio::posix::stream_descriptor in_;
  boost::asio::posix::stream_descriptor out_;
  boost::asio::signal_set signals_;
  channel_handlers handlers_;
  protocol::frame_decoder decoder_;
  std::array<char, 64 * 1024> read_buffer_{};
  std::deque<std::string> write_queue_;
  bool writing_ = false;
  bool closing_ = false;
  bool blocking_ = false;
  int in_fd_;
  int out_fd_;
  int status_ = exit_ok;
};

}  // namespace vigie::transport
