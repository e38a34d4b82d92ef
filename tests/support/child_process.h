// Runs a program (the service binary, the standalone sandbox, redis-server)
// as a child process for tests, in its own session so that signals meant for
// it never reach ctest, and reads its stdout line by line. The child is
// killed when the thread that started it ends (PR_SET_PDEATHSIG), so a
// crashed test leaves nothing running: start children from the test's own
// thread.
//   ChildProcess sandbox({TRACKENRICH_SANDBOX_BINARY, "--listen=127.0.0.1:0"});
//   std::vector<std::string> port = sandbox.WaitForLine(std::regex("127.0.0.1:(\\d+)"));
//   sandbox.Signal(SIGTERM);   // the destructor kills and reaps it in any case
#ifndef TRACKENRICH_TESTS_SUPPORT_CHILD_PROCESS_H_
#define TRACKENRICH_TESTS_SUPPORT_CHILD_PROCESS_H_

#include <cstdio>
#include <regex>
#include <string>
#include <utility>
#include <vector>

#include <sys/types.h>

#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace trackenrich::testing {

class ChildProcess {
 public:
  // `env` entries are added to (or replace) the test's environment. With
  // `capture_stdout` false, stdout goes to /dev/null; stderr always does.
  explicit ChildProcess(const std::vector<std::string>& argv,
                        const std::vector<std::pair<std::string, std::string>>& env = {},
                        bool capture_stdout = true);
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  // Reads stdout until a line matches; returns the match's groups (empty
  // when the process ended, or `timeout` passed, first).
  std::vector<std::string> WaitForLine(const std::regex& pattern,
                                       absl::Duration timeout = absl::Seconds(20));

  void Signal(int signal);
  // Waits for the exit; returns the wait status (-1 if already reaped).
  int Wait();
  // Waits at most `timeout`; the wait status, or -1 when it is still running.
  int WaitFor(absl::Duration timeout);
  bool running();
  pid_t pid() const { return pid_; }

 private:
  pid_t pid_ = -1;
  int stdout_fd_ = -1;
  std::string buffered_;
  bool reaped_ = false;
};

}  // namespace trackenrich::testing

#endif  // TRACKENRICH_TESTS_SUPPORT_CHILD_PROCESS_H_
