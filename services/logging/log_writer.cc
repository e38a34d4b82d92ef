#include "services/logging/log_writer.h"

#include <cerrno>
#include <cstdlib>
#include <utility>

#include <unistd.h>

namespace trackenrich::logging {
namespace {

// Writes all of `bytes`, retrying short writes and interruptions. A
// descriptor that fails for good (closed, full disk) loses the batch: there
// is nowhere else to report it.
void WriteAll(int fd, absl::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t written = ::write(fd, bytes.data(), bytes.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      return;
    }
    bytes.remove_prefix(static_cast<size_t>(written));
  }
}

std::atomic<LogWriter*> stderr_writer{nullptr};

}  // namespace

LogWriter::LogWriter(int fd, Options options) : fd_(fd), options_(options) {
  {
    absl::MutexLock lock(&mu_);
    pending_.reserve(options_.wake_bytes * 2);
  }
  thread_ = std::thread([this] { Run(); });
}

LogWriter::~LogWriter() {
  {
    absl::MutexLock lock(&mu_);
    stop_ = true;
    wakeup_.Signal();
  }
  thread_.join();
  Flush();
}

LogWriter& LogWriter::Stderr() {
  static LogWriter* const writer = [] {
    auto* created = new LogWriter(STDERR_FILENO);
    stderr_writer = created;
    std::atexit([] { Stderr().Flush(); });
    return created;
  }();
  return *writer;
}

uint64_t LogWriter::StderrDropped() {
  const LogWriter* writer = stderr_writer.load();
  return writer == nullptr ? 0 : writer->dropped();
}

void LogWriter::Append(absl::string_view line) {
  absl::MutexLock lock(&mu_);
  if (pending_.size() + line.size() > options_.max_buffered_bytes) {
    dropped_.fetch_add(1, std::memory_order_relaxed);
    return;
  }
  pending_.append(line.data(), line.size());
  if (!wake_ && pending_.size() >= options_.wake_bytes) {
    // Rare: the writer otherwise wakes on its own, so most lines cost no
    // signal at all.
    wake_ = true;
    wakeup_.Signal();
  }
}

void LogWriter::WriteBuffered() {
  {
    absl::MutexLock lock(&mu_);
    std::swap(pending_, writing_);
    wake_ = false;
  }
  WriteAll(fd_, writing_);
  writing_.clear();
}

void LogWriter::Flush() {
  absl::MutexLock lock(&io_mu_);
  WriteBuffered();
}

void LogWriter::Run() {
  for (;;) {
    bool stop = false;
    {
      absl::MutexLock lock(&mu_);
      if (!wake_ && !stop_) wakeup_.WaitWithTimeout(&mu_, options_.interval);
      stop = stop_;
    }
    {
      absl::MutexLock lock(&io_mu_);
      WriteBuffered();
    }
    if (stop) return;
  }
}

}  // namespace trackenrich::logging
