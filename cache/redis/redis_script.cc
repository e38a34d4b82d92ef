#include "cache/redis/redis_script.h"

#include <utility>

#include <openssl/evp.h>

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"

namespace trackenrich::cache {
namespace {

std::string Sha1Hex(const std::string& data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(data.data(), data.size(), digest, &length, EVP_sha1(), nullptr);
  return absl::BytesToHexString(absl::string_view(reinterpret_cast<const char*>(digest), length));
}

}  // namespace

RedisScript::RedisScript(std::string source)
    : source_(std::move(source)), sha1_(Sha1Hex(source_)) {}

void RedisScript::Run(RedisClient& client, std::vector<std::string> keys,
                      std::vector<std::string> args, RedisCallback done) const {
  std::vector<std::string> command;
  command.reserve(3 + keys.size() + args.size());
  command.push_back("EVALSHA");
  command.push_back(sha1_);
  command.push_back(std::to_string(keys.size()));
  for (std::string& key : keys) command.push_back(std::move(key));
  for (std::string& arg : args) command.push_back(std::move(arg));
  std::vector<std::string> retry = command;
  client.Command(
      std::move(command), [this, &client, retry = std::move(retry),
                           done = std::move(done)](absl::StatusOr<RedisReply> reply) mutable {
        if (reply.ok() && reply->is_error() && absl::StartsWith(reply->str, "NOSCRIPT")) {
          retry[0] = "EVAL";
          retry[1] = source_;
          client.Command(std::move(retry), std::move(done));
          return;
        }
        done(std::move(reply));
      });
}

}  // namespace trackenrich::cache
