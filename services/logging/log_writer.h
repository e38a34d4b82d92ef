// LogWriter: log lines leave the request path. A caller appends its line to
// an in-memory buffer (a copy, under a short lock) and returns; one thread
// writes the buffer to the file descriptor in batches. The buffer is
// bounded: when the descriptor cannot keep up, new lines are dropped and
// counted (never waited for), so a slow log reader never slows an RPC.
//
//   LogWriter& log = LogWriter::Stderr();
//   log.Append("{\"level\":\"info\",...}\n");
//   log.Flush();                      // at exit: everything appended so far is written
//   uint64_t lost = log.dropped();    // trackenrich_log_lines_dropped_total
#ifndef TRACKENRICH_SERVICES_LOGGING_LOG_WRITER_H_
#define TRACKENRICH_SERVICES_LOGGING_LOG_WRITER_H_

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <string>
#include <thread>

#include "absl/base/thread_annotations.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace trackenrich::logging {

class LogWriter {
 public:
  struct Options {
    // Bytes buffered at most; lines that would go past it are dropped.
    size_t max_buffered_bytes = 8u << 20;
    // The writer wakes at once when this much is buffered, else every
    // `interval`.
    size_t wake_bytes = 64u << 10;
    absl::Duration interval = absl::Milliseconds(20);
  };

  // Writes to `fd` (not closed by the writer).
  LogWriter(int fd, Options options);
  explicit LogWriter(int fd) : LogWriter(fd, Options{}) {}
  // Flushes, then stops the writing thread.
  ~LogWriter();
  LogWriter(const LogWriter&) = delete;
  LogWriter& operator=(const LogWriter&) = delete;

  // The process's writer to stderr (never destroyed; flushed at exit).
  static LogWriter& Stderr();
  // Stderr().dropped(), without starting the writer when it is not running.
  static uint64_t StderrDropped();

  // Buffers `line` (whole lines, each ending in '\n'). Never blocks on I/O.
  void Append(absl::string_view line);

  // Writes everything appended before the call; blocks until it is written.
  void Flush();

  // Lines dropped because the buffer was full.
  uint64_t dropped() const { return dropped_.load(std::memory_order_relaxed); }

 private:
  void Run();
  // Takes what is buffered and writes it. Call with io_mu_ held.
  void WriteBuffered() ABSL_EXCLUSIVE_LOCKS_REQUIRED(io_mu_);

  const int fd_;
  const Options options_;
  std::atomic<uint64_t> dropped_{0};
  // Serializes writes to the descriptor (the thread's and Flush's).
  absl::Mutex io_mu_;
  std::string writing_ ABSL_GUARDED_BY(io_mu_);
  absl::Mutex mu_;
  std::string pending_ ABSL_GUARDED_BY(mu_);
  absl::CondVar wakeup_;
  bool wake_ ABSL_GUARDED_BY(mu_) = false;
  bool stop_ ABSL_GUARDED_BY(mu_) = false;
  std::thread thread_;
};

}  // namespace trackenrich::logging

#endif  // TRACKENRICH_SERVICES_LOGGING_LOG_WRITER_H_
