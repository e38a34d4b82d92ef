// RedisClient against a real redis-server: the ctest fixture's, or a private
// one where a test must kill, pause or configure it.
#include "cache/redis/redis_client.h"

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

#include "cache/redis/redis_script.h"
#include "tests/support/io_threads.h"
#include "tests/support/redis_server.h"
#include "tests/support/status_matchers.h"

namespace trackenrich::cache {
namespace {

using testing::Await;
using testing::IoThreads;
using testing::StatusIs;
using testing::WaitFor;
using Reply = absl::StatusOr<RedisReply>;

// Each test case has its own database on the shared fixture server (40-46
// for this binary; tests/support/redis_fixture.sh lists every index in use).
RedisOptions FixtureOptions(int database) {
  const uint16_t port = testing::FixtureRedisPort();
  if (port == 0)
    FAIL("no Redis: run through ctest (fixture `redis`) or set TRACKENRICH_REDIS_PORT");
  testing::SyncRedis(port, database).Command({"FLUSHDB"});
  return {.host = "127.0.0.1", .port = port, .database = database};
}

Reply Run(RedisClient& client, std::vector<std::string> args) {
  return Await<Reply>([&](auto done) { client.Command(std::move(args), std::move(done)); });
}

// The reply as text (a failure's message otherwise), so that a failed call
// reads as a mismatch instead of aborting the test.
std::string Text(const Reply& reply) {
  if (!reply.ok()) return reply.status().ToString();
  if (reply->type == RedisReply::Type::kInteger) return std::to_string(reply->integer);
  if (reply->is_nil()) return "(nil)";
  return reply->str;
}

TEST_CASE("redis client: replies of every type, binary safe", "[redis]") {
  IoThreads io;
  RedisClient client(io.context(), FixtureOptions(40));
  client.Start();
  REQUIRE(WaitFor([&] { return client.ready(); }));

  const std::string binary("a\0b\r\nc", 6);
  CHECK(Text(Run(client, {"SET", "k", binary})) == "OK");
  auto got = Run(client, {"GET", "k"});
  REQUIRE_THAT(got.status(), testing::IsOk());
  CHECK(got->type == RedisReply::Type::kString);
  CHECK(got->str == binary);
  CHECK(Text(Run(client, {"GET", "missing"})) == "(nil)");
  CHECK(Text(Run(client, {"INCRBY", "n", "41"})) == "41");
  auto list = Run(client, {"MGET", "k", "missing"});
  REQUIRE_THAT(list.status(), testing::IsOk());
  REQUIRE(list->type == RedisReply::Type::kArray);
  REQUIRE(list->elements.size() == 2);
  CHECK(list->elements[0].str == binary);
  CHECK(list->elements[1].is_nil());
  auto error = Run(client, {"INCR", "k"});
  REQUIRE_THAT(error.status(), testing::IsOk());
  CHECK(error->is_error());
  CHECK(client.stats().error_replies == 1);
}

TEST_CASE("redis client: 1000 concurrent commands share one connection", "[redis]") {
  IoThreads io;
  RedisOptions options = FixtureOptions(41);
  // Generous: 20 MiB of replies below go through one connection in order.
  options.command_timeout = absl::Seconds(5);
  RedisClient client(io.context(), options);
  client.Start();
  REQUIRE(WaitFor([&] { return client.ready(); }));
  std::atomic<int> ok{0};
  std::atomic<int> done{0};
  std::vector<std::thread> issuers;
  for (int t = 0; t < 4; ++t) {
    issuers.emplace_back([&] {
      for (int i = 0; i < 250; ++i) {
        client.Command({"INCR", "counter"}, [&](Reply reply) {
          if (reply.ok() && reply->type == RedisReply::Type::kInteger) ok.fetch_add(1);
          done.fetch_add(1);
        });
      }
    });
  }
  for (auto& issuer : issuers) issuer.join();
  REQUIRE(WaitFor([&] { return done.load() == 1000; }));
  CHECK(ok.load() == 1000);
  CHECK(Text(Run(client, {"GET", "counter"})) == "1000");
  CHECK(client.stats().connects == 1);

  // Replies larger than one socket read (hiredis reads 16 KiB at a time).
  const std::string big(1 << 20, 'x');
  REQUIRE(Text(Run(client, {"SET", "big", big})) == "OK");
  std::atomic<int> big_ok{0};
  std::atomic<int> big_done{0};
  for (int i = 0; i < 20; ++i) {
    client.Command({"GET", "big"}, [&](Reply reply) {
      if (reply.ok() && reply->str.size() == big.size()) big_ok.fetch_add(1);
      big_done.fetch_add(1);
    });
  }
  REQUIRE(WaitFor([&] { return big_done.load() == 20; }));
  CHECK(big_ok.load() == 20);

  auto pipeline = Await<absl::StatusOr<std::vector<RedisReply>>>([&](auto done) {
    client.Pipeline({{"SET", "p", "1"}, {"INCR", "p"}, {"GET", "p"}}, std::move(done));
  });
  REQUIRE_THAT(pipeline.status(), testing::IsOk());
  REQUIRE(pipeline->size() == 3);
  CHECK((*pipeline)[1].integer == 2);
  CHECK((*pipeline)[2].str == "2");
}

TEST_CASE("redis client: refused at once while Redis is unreachable", "[redis]") {
  IoThreads io;
  RedisClient client(io.context(), {.host = "127.0.0.1", .port = testing::FreePort()});
  client.Start();
  REQUIRE(WaitFor([&] { return client.state() == RedisState::kDown; }));
  const absl::Time started = absl::Now();
  CHECK_THAT(Run(client, {"PING"}).status(),
             StatusIs(absl::StatusCode::kUnavailable, "not connected"));
  CHECK(absl::Now() - started < absl::Milliseconds(500));
  CHECK(client.stats().unavailable >= 1);
  CHECK(client.stats().connection_errors >= 1);
  CHECK_FALSE(client.last_error().empty());
}

TEST_CASE("redis client: password and database come from the options", "[redis]") {
  testing::RedisServer redis({"--requirepass", "s3cret-pw"});
  IoThreads io;
  {
    RedisClient wrong(io.context(),
                      {.host = "127.0.0.1", .port = redis.port(), .password = "not-the-pw-42"});
    wrong.Start();
    REQUIRE(WaitFor([&] { return !wrong.last_error().empty(); }));
    CHECK_FALSE(wrong.ready());
    CHECK(absl::StrContains(wrong.last_error(), "AUTH failed"));
    CHECK_FALSE(absl::StrContains(wrong.last_error(), "not-the-pw-42"));
  }
  RedisClient client(io.context(), {.host = "localhost",  // resolved without blocking
                                    .port = redis.port(),
                                    .password = "s3cret-pw",
                                    .database = 5});
  client.Start();
  REQUIRE(WaitFor([&] { return client.ready(); }));
  REQUIRE(Text(Run(client, {"SET", "where", "db5"})) == "OK");
  CHECK(testing::SyncRedis(redis.port(), 5, "s3cret-pw").Command({"GET", "where"}).str == "db5");
  CHECK(testing::SyncRedis(redis.port(), 0, "s3cret-pw").Command({"GET", "where"}).is_nil());
}

TEST_CASE("redis client: a stalled server times commands out and the client recovers by itself",
          "[redis]") {
  testing::RedisServer redis;
  IoThreads io;
  RedisClient client(io.context(), {.host = "127.0.0.1",
                                    .port = redis.port(),
                                    .command_timeout = absl::Milliseconds(100),
                                    .connect_timeout = absl::Milliseconds(200),
                                    .max_reconnect_backoff = absl::Milliseconds(200)});
  client.Start();
  REQUIRE(WaitFor([&] { return client.ready(); }));
  redis.Pause();
  const absl::Time started = absl::Now();
  CHECK_THAT(Run(client, {"PING"}).status(),
             StatusIs(absl::StatusCode::kDeadlineExceeded, "timed out after 100ms"));
  CHECK(absl::Now() - started < absl::Milliseconds(600));
  CHECK_FALSE(client.ready());
  CHECK(client.stats().timeouts >= 1);
  // While it stays stalled, commands are refused at once instead of waiting.
  CHECK_THAT(Run(client, {"PING"}).status(), StatusIs(absl::StatusCode::kUnavailable));
  redis.Resume();
  REQUIRE(WaitFor([&] { return client.ready(); }));
  CHECK(Text(Run(client, {"PING"})) == "PONG");
}

TEST_CASE("redis client: reconnects after Redis restarts", "[redis]") {
  testing::RedisServer redis;
  IoThreads io;
  RedisClient client(io.context(), {.host = "127.0.0.1",
                                    .port = redis.port(),
                                    .max_reconnect_backoff = absl::Milliseconds(200)});
  client.Start();
  REQUIRE(WaitFor([&] { return client.ready(); }));
  redis.Kill();
  REQUIRE(WaitFor([&] { return !client.ready(); }));
  CHECK_THAT(Run(client, {"PING"}).status(), StatusIs(absl::StatusCode::kUnavailable));
  redis.Restart();
  REQUIRE(WaitFor([&] { return client.ready(); }));
  CHECK(Text(Run(client, {"PING"})) == "PONG");
  CHECK(client.stats().connects == 2);
}

TEST_CASE("redis script: EVALSHA, and EVAL when the server forgot the script", "[redis]") {
  IoThreads io;
  const RedisOptions options = FixtureOptions(42);
  RedisClient client(io.context(), options);
  client.Start();
  REQUIRE(WaitFor([&] { return client.ready(); }));
  const RedisScript script("return {KEYS[1], ARGV[1]}");
  testing::SyncRedis sync(options.port, options.database);
  CHECK(sync.Command({"SCRIPT", "LOAD", script.source()}).str == script.sha1());
  sync.Command({"SCRIPT", "FLUSH"});
  for (int round = 0; round < 2; ++round) {  // the first loads it again, the second finds it
    auto reply =
        Await<Reply>([&](auto done) { script.Run(client, {"key"}, {"arg"}, std::move(done)); });
    REQUIRE_THAT(reply.status(), testing::IsOk());
    REQUIRE(reply->elements.size() == 2);
    CHECK(reply->elements[0].str == "key");
    CHECK(reply->elements[1].str == "arg");
  }
  CHECK(sync.Command({"SCRIPT", "EXISTS", script.sha1()}).elements.at(0).integer == 1);
}

}  // namespace
}  // namespace trackenrich::cache
