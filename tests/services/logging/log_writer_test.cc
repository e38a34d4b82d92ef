// LogWriter: every appended line reaches the descriptor in order, a reader
// that stops reading never blocks Append (lines are dropped and counted
// instead), and Flush writes what was appended.
#include "services/logging/log_writer.h"

#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>
#include <fcntl.h>
#include <unistd.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"

namespace trackenrich::logging {
namespace {

// Reads what is in the pipe now (it is non-blocking).
std::string Drain(int fd) {
  std::string out;
  char buffer[65536];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof(buffer));
    if (n <= 0) break;
    out.append(buffer, static_cast<size_t>(n));
  }
  return out;
}

struct Pipe {
  Pipe() { REQUIRE(::pipe2(fds, O_NONBLOCK) == 0); }
  ~Pipe() {
    ::close(fds[0]);
    ::close(fds[1]);
  }
  int fds[2] = {-1, -1};
};

TEST_CASE("LogWriter writes every line, in order, from several threads", "[log_writer]") {
  Pipe pipe;
  // The write end blocks so nothing is lost to a full pipe.
  ::fcntl(pipe.fds[1], F_SETFL, 0);
  std::string received;
  std::thread reader([&] {
    ::fcntl(pipe.fds[0], F_SETFL, 0);
    char buffer[65536];
    for (;;) {
      const ssize_t n = ::read(pipe.fds[0], buffer, sizeof(buffer));
      if (n <= 0) break;
      received.append(buffer, static_cast<size_t>(n));
      if (received.find("end\n") != std::string::npos) break;
    }
  });
  {
    LogWriter writer(pipe.fds[1]);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
      threads.emplace_back([&writer, t] {
        for (int i = 0; i < 1000; ++i) writer.Append(absl::StrCat("t", t, " line ", i, "\n"));
      });
    }
    for (auto& thread : threads) thread.join();
    writer.Append("end\n");
    writer.Flush();
    CHECK(writer.dropped() == 0);
  }
  reader.join();
  std::vector<std::string> lines = absl::StrSplit(received, '\n', absl::SkipEmpty());
  REQUIRE(lines.size() == 4001);
  CHECK(lines.back() == "end");
  // Each thread's lines keep their order.
  for (int t = 0; t < 4; ++t) {
    int next = 0;
    for (const std::string& line : lines) {
      if (line.rfind(absl::StrCat("t", t, " "), 0) != 0) continue;
      CHECK(line == absl::StrCat("t", t, " line ", next));
      ++next;
    }
    CHECK(next == 1000);
  }
}

TEST_CASE("LogWriter drops and counts lines when the reader stops, and never blocks",
          "[log_writer]") {
  Pipe pipe;
  // Nobody reads while appending: the pipe (64 KiB) fills, the writer's
  // thread stalls in write(2), and the buffer behind it fills too.
  ::fcntl(pipe.fds[1], F_SETFL, 0);
  LogWriter writer(pipe.fds[1], {.max_buffered_bytes = 256u << 10, .wake_bytes = 4096});
  const std::string line(99, 'x');
  constexpr int kLines = 20000;  // 2 MB: far more than pipe and buffer hold
  for (int i = 0; i < kLines; ++i) writer.Append(line + "\n");
  const uint64_t dropped = writer.dropped();
  CHECK(dropped > 0);
  CHECK(dropped < kLines);

  // Reading again lets everything buffered through.
  ::fcntl(pipe.fds[0], F_SETFL, 0);
  size_t bytes = 0;
  std::thread reader([&] {
    char buffer[65536];
    for (;;) {
      const ssize_t n = ::read(pipe.fds[0], buffer, sizeof(buffer));
      if (n <= 0) break;
      bytes += static_cast<size_t>(n);
      if (bytes == (kLines - dropped) * 100) break;
    }
  });
  writer.Flush();
  reader.join();
  CHECK(bytes == (kLines - dropped) * 100);
  CHECK(writer.dropped() == dropped);
}

TEST_CASE("LogWriter writes on its own within its interval, without Flush", "[log_writer]") {
  Pipe pipe;
  LogWriter writer(pipe.fds[1], {.interval = absl::Milliseconds(10)});
  writer.Append("one\n");
  std::string seen;
  for (int i = 0; i < 500 && seen.empty(); ++i) {
    absl::SleepFor(absl::Milliseconds(10));
    seen = Drain(pipe.fds[0]);
  }
  CHECK(seen == "one\n");
}

}  // namespace
}  // namespace trackenrich::logging
