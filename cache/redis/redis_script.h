// RedisScript: a Lua script run by its SHA1 (EVALSHA), falling back to EVAL
// (which also loads it) when the server does not know it yet: after a
// restart, a failover or SCRIPT FLUSH.
//
//   static const RedisScript kRelease("if redis.call('GET', KEYS[1]) == ARGV[1] then ...");
//   kRelease.Run(client, {lock_key}, {token}, [](absl::StatusOr<RedisReply> reply) { ... });
#ifndef TRACKENRICH_CACHE_REDIS_REDIS_SCRIPT_H_
#define TRACKENRICH_CACHE_REDIS_REDIS_SCRIPT_H_

#include <string>
#include <vector>

#include "cache/redis/redis_client.h"

namespace trackenrich::cache {

class RedisScript {
 public:
  explicit RedisScript(std::string source);

  const std::string& source() const { return source_; }
  // Lower-case hex, as Redis names scripts.
  const std::string& sha1() const { return sha1_; }

  // `done` as for RedisClient::Command. The script must outlive the call.
  void Run(RedisClient& client, std::vector<std::string> keys, std::vector<std::string> args,
           RedisCallback done) const;

 private:
  std::string source_;
  std::string sha1_;
};

}  // namespace trackenrich::cache

#endif  // TRACKENRICH_CACHE_REDIS_REDIS_SCRIPT_H_
