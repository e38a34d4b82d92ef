// Redis for tests.
//   uint16_t port = FixtureRedisPort();   // the ctest fixture's redis-server; 0 without one
//   RedisServer own;                      // a private redis-server on a free port
//   own.Kill(); own.Restart();            // same port, empty again
//   SyncRedis redis(port, /*database=*/3);
//   RedisReply reply = redis.Command({"GET", key});   // blocking, for setup and checks
//
// The fixture (tests/support/redis_fixture.sh, registered as the ctest
// fixture `redis`) writes its port to the file named by
// TRACKENRICH_REDIS_PORT_FILE; TRACKENRICH_REDIS_PORT, when set, wins (a
// Redis of your own). Tests share the fixture's server in parallel, so each
// test case uses its own database index (the list is in redis_fixture.sh).
#ifndef TRACKENRICH_TESTS_SUPPORT_REDIS_SERVER_H_
#define TRACKENRICH_TESTS_SUPPORT_REDIS_SERVER_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/time/time.h"

#include "cache/redis/redis_client.h"
#include "tests/support/child_process.h"

struct redisContext;

namespace trackenrich::testing {

// The fixture's port, or 0 (say so with FAIL: these tests run under ctest).
uint16_t FixtureRedisPort();

// A port nothing listened on a moment ago.
uint16_t FreePort();

class RedisServer {
 public:
  // Starts redis-server on 127.0.0.1 and a free port, without persistence.
  // `extra_args` go to redis-server ("--requirepass", "s3cret"). Throws if
  // it does not come up.
  explicit RedisServer(std::vector<std::string> extra_args = {});
  ~RedisServer();

  uint16_t port() const { return port_; }
  // SIGKILL, and wait for it to be gone.
  void Kill();
  // Starts again on the same port (empty).
  void Restart();
  // SIGSTOP / SIGCONT: a Redis that accepts connections but never answers.
  void Pause();
  void Resume();

 private:
  bool StartOn(uint16_t port);

  std::vector<std::string> extra_args_;
  std::string dir_;
  uint16_t port_ = 0;
  std::unique_ptr<ChildProcess> process_;
};

// A blocking connection (hiredis's synchronous API).
class SyncRedis {
 public:
  // Throws when it cannot connect (or AUTH, or SELECT).
  SyncRedis(uint16_t port, int database = 0, const std::string& password = "");
  ~SyncRedis();
  SyncRedis(const SyncRedis&) = delete;
  SyncRedis& operator=(const SyncRedis&) = delete;

  // Throws on a transport failure; error replies come back as kError.
  cache::RedisReply Command(const std::vector<std::string>& args);

  // The fields of each entry of stream `key`, oldest first (XRANGE key - +).
  std::vector<std::map<std::string, std::string>> StreamEntries(const std::string& key);

 private:
  redisContext* context_ = nullptr;
};

}  // namespace trackenrich::testing

#endif  // TRACKENRICH_TESTS_SUPPORT_REDIS_SERVER_H_
