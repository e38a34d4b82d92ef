#include "adapters/common/tracking_batcher.h"

#include <map>
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "absl/strings/str_cat.h"

#include "tests/support/status_matchers.h"

namespace trackenrich::adapters {
namespace {

using testing::IsOk;
using testing::StatusIs;

// A scheduler and a sender whose work the test releases by hand, with a
// clock the test moves.
struct Harness {
  struct Task {
    absl::Time when;
    absl::AnyInvocable<void()> run;
  };
  struct Sent {
    TrackingBatch batch;
    BatchAnswer answer;
  };

  absl::Time now = absl::FromUnixSeconds(1'000'000);
  std::vector<Task> tasks;
  std::vector<Sent> sent;
  std::map<std::string, absl::StatusOr<v1::Shipment>> answers;

  TrackingBatcher Make(size_t max_batch = 30, absl::Duration window = absl::Milliseconds(2)) {
    return TrackingBatcher(
        {.adapter = "fedex", .max_batch = max_batch, .window = window},
        [this](absl::Time when, absl::AnyInvocable<void()> run) {
          tasks.push_back({when, std::move(run)});
        },
        [this](TrackingBatch batch, BatchAnswer answer) {
          sent.push_back({std::move(batch), std::move(answer)});
        },
        [this] { return now; });
  }

  // Runs every task due by `until`, in time order, and advances the clock.
  void RunUntil(absl::Time until) {
    for (;;) {
      auto due = tasks.end();
      for (auto it = tasks.begin(); it != tasks.end(); ++it) {
        if (it->when <= until && (due == tasks.end() || it->when < due->when)) due = it;
      }
      if (due == tasks.end()) break;
      now = std::max(now, due->when);
      absl::AnyInvocable<void()> run = std::move(due->run);
      tasks.erase(due);
      run();
    }
    now = std::max(now, until);
  }

  ShipmentCallback Record(const std::string& number) {
    return [this, number](absl::StatusOr<v1::Shipment> result) {
      REQUIRE(answers.count(number) == 0);  // exactly once
      answers.emplace(number, std::move(result));
    };
  }
};

v1::Shipment ShipmentFor(const std::string& number) {
  v1::Shipment shipment;
  shipment.set_tracking_number(number);
  return shipment;
}

std::string Number(int i) { return absl::StrCat("1000000000", i < 10 ? "0" : "", i); }

TEST_CASE("batcher: 60 numbers at once make two batches of 30", "[batcher]") {
  Harness h;
  TrackingBatcher batcher = h.Make();
  for (int i = 0; i < 60; ++i) {
    batcher.Add({.tracking_number = Number(i), .deadline = h.now + absl::Seconds(5)},
                h.Record(Number(i)));
  }
  REQUIRE(h.sent.size() == 2);
  CHECK(h.sent[0].batch.numbers.size() == 30);
  CHECK(h.sent[1].batch.numbers.size() == 30);
  CHECK(h.sent[0].batch.numbers.front() == Number(0));
  CHECK(h.sent[1].batch.numbers.front() == Number(30));
  CHECK(h.sent[0].batch.deadline == h.now + absl::Seconds(5));
  CHECK(batcher.batches_sent() == 2);
  // The window timers of full batches do nothing.
  h.RunUntil(h.now + absl::Seconds(1));
  CHECK(h.sent.size() == 2);

  for (auto& sent : h.sent) {
    BatchResults results;
    for (const std::string& number : sent.batch.numbers) results[number] = ShipmentFor(number);
    std::move(sent.answer)(std::move(results));
  }
  REQUIRE(h.answers.size() == 60);
  CHECK(h.answers.at(Number(42))->tracking_number() == Number(42));
}

TEST_CASE("batcher: a partial batch leaves when its window ends", "[batcher]") {
  Harness h;
  TrackingBatcher batcher = h.Make(30, absl::Milliseconds(2));
  for (int i = 0; i < 3; ++i) {
    batcher.Add({.tracking_number = Number(i), .deadline = h.now + absl::Seconds(5)},
                h.Record(Number(i)));
  }
  CHECK(h.sent.empty());
  h.RunUntil(h.now + absl::Microseconds(1900));
  CHECK(h.sent.empty());
  h.RunUntil(h.now + absl::Microseconds(200));
  REQUIRE(h.sent.size() == 1);
  CHECK(h.sent[0].batch.numbers.size() == 3);
  // The next number opens a new window.
  batcher.Add({.tracking_number = Number(9), .deadline = h.now + absl::Seconds(5)},
              h.Record(Number(9)));
  h.RunUntil(h.now + absl::Milliseconds(2));
  REQUIRE(h.sent.size() == 2);
  CHECK(h.sent[1].batch.numbers == std::vector<std::string>{Number(9)});
}

TEST_CASE("batcher: per-number results, a missing number and a batch-wide error", "[batcher]") {
  Harness h;
  TrackingBatcher batcher = h.Make(3);
  for (int i = 0; i < 3; ++i) {
    batcher.Add({.tracking_number = Number(i), .deadline = h.now + absl::Seconds(5)},
                h.Record(Number(i)));
  }
  REQUIRE(h.sent.size() == 1);
  BatchResults results;
  results[Number(0)] = ShipmentFor(Number(0));
  results[Number(1)] = absl::NotFoundError("fedex: no tracking information");
  std::move(h.sent[0].answer)(std::move(results));
  CHECK_THAT(h.answers.at(Number(0)).status(), IsOk());
  CHECK_THAT(h.answers.at(Number(1)).status(), StatusIs(absl::StatusCode::kNotFound));
  CHECK_THAT(h.answers.at(Number(2)).status(),
             StatusIs(absl::StatusCode::kUnavailable, "no result for"));

  for (int i = 3; i < 6; ++i) {
    batcher.Add({.tracking_number = Number(i), .deadline = h.now + absl::Seconds(5)},
                h.Record(Number(i)));
  }
  REQUIRE(h.sent.size() == 2);
  std::move(h.sent[1].answer)(absl::FailedPreconditionError("fedex: credentials"));
  for (int i = 3; i < 6; ++i) {
    CHECK_THAT(h.answers.at(Number(i)).status(), StatusIs(absl::StatusCode::kFailedPrecondition));
  }
}

TEST_CASE("batcher: callers asking for the same number share one entry", "[batcher]") {
  Harness h;
  TrackingBatcher batcher = h.Make();
  int answered = 0;
  for (int i = 0; i < 3; ++i) {
    batcher.Add({.tracking_number = Number(7), .deadline = h.now + absl::Seconds(5)},
                [&](absl::StatusOr<v1::Shipment> result) {
                  CHECK(result.ok());
                  ++answered;
                });
  }
  h.RunUntil(h.now + absl::Milliseconds(2));
  REQUIRE(h.sent.size() == 1);
  CHECK(h.sent[0].batch.numbers.size() == 1);
  BatchResults results;
  results[Number(7)] = ShipmentFor(Number(7));
  std::move(h.sent[0].answer)(std::move(results));
  CHECK(answered == 3);
}

TEST_CASE("batcher: deadlines", "[batcher]") {
  Harness h;
  TrackingBatcher batcher = h.Make();
  // Already past: answered at once, nothing sent.
  batcher.Add({.tracking_number = Number(0), .deadline = h.now}, h.Record(Number(0)));
  CHECK_THAT(h.answers.at(Number(0)).status(), StatusIs(absl::StatusCode::kDeadlineExceeded));
  CHECK(h.sent.empty());

  // A deadline nearer than the window sends the batch at once, with what it holds.
  batcher.Add({.tracking_number = Number(1), .deadline = h.now + absl::Seconds(5)},
              h.Record(Number(1)));
  batcher.Add({.tracking_number = Number(2), .deadline = h.now + absl::Milliseconds(1)},
              h.Record(Number(2)));
  REQUIRE(h.sent.size() == 1);
  CHECK(h.sent[0].batch.numbers.size() == 2);
  // The exchange runs to the latest deadline; the early caller is answered at its own.
  CHECK(h.sent[0].batch.deadline == h.now + absl::Seconds(5));
  h.RunUntil(h.now + absl::Milliseconds(1));
  CHECK_THAT(h.answers.at(Number(2)).status(), StatusIs(absl::StatusCode::kDeadlineExceeded));
  CHECK(h.answers.count(Number(1)) == 0);

  // The batch's later answer goes to the caller still waiting, not twice to the other.
  BatchResults results;
  results[Number(1)] = ShipmentFor(Number(1));
  results[Number(2)] = ShipmentFor(Number(2));
  std::move(h.sent[0].answer)(std::move(results));
  CHECK_THAT(h.answers.at(Number(1)).status(), IsOk());
  CHECK_THAT(h.answers.at(Number(2)).status(), StatusIs(absl::StatusCode::kDeadlineExceeded));
}

}  // namespace
}  // namespace trackenrich::adapters
