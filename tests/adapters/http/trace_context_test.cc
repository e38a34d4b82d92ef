#include "adapters/http/trace_context.h"

#include <string>
#include <thread>

#include <catch2/catch.hpp>

#include "absl/strings/str_split.h"

namespace trackenrich::http {
namespace {

constexpr char kTraceId[] = "4bf92f3577b34da6a3ce929d0e0e4736";
constexpr char kParent[] = "00f067aa0ba902b7";

TEST_CASE("traceparent: well-formed headers parse, others are refused", "[trace]") {
  std::string trace_id;
  std::string parent;
  bool sampled = false;
  REQUIRE(ParseTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", &trace_id,
                           &parent, &sampled));
  CHECK(trace_id == kTraceId);
  CHECK(parent == kParent);
  CHECK(sampled);
  REQUIRE(ParseTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00", &trace_id,
                           &parent, &sampled));
  CHECK_FALSE(sampled);
  // A later version may carry more fields; its first four still count.
  CHECK(ParseTraceparent("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra", &trace_id,
                         &parent, &sampled));
  const char* refused[] = {
      "",
      "garbage",
      "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",    // version ff
      "00-00000000000000000000000000000000-00f067aa0ba902b7-01",    // zero trace ID
      "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",    // zero parent
      "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",    // upper case
      "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01",     // short trace ID
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-x",  // v00 with 5 fields
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-1",     // 1-digit flags
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-zz",    // flags not hex
  };
  for (const char* header : refused) {
    INFO(header);
    CHECK_FALSE(ParseTraceparent(header, &trace_id, &parent, &sampled));
  }
}

TEST_CASE("traceparent: a request continues the caller's trace with its own span", "[trace]") {
  const TraceContext continued =
      TraceContext::Continue("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
  CHECK(continued.trace_id == kTraceId);
  CHECK(continued.parent_span_id == kParent);
  CHECK(continued.span_id.size() == 16);
  CHECK(continued.span_id != kParent);
  CHECK(continued.sampled);
  REQUIRE(continued.upstream_requests != nullptr);

  // Each outgoing call: same trace, a span of its own.
  const std::string first = continued.OutgoingTraceparent();
  const std::string second = continued.OutgoingTraceparent();
  const std::vector<std::string> a = absl::StrSplit(first, '-');
  const std::vector<std::string> b = absl::StrSplit(second, '-');
  REQUIRE(a.size() == 4);
  REQUIRE(b.size() == 4);
  CHECK(a[0] == "00");
  CHECK(a[1] == kTraceId);
  CHECK(b[1] == kTraceId);
  CHECK(a[2] != b[2]);
  CHECK(a[2] != kParent);
  CHECK(a[3] == "01");

  // A malformed or missing header starts a new trace.
  const TraceContext fresh = TraceContext::Continue("nonsense");
  CHECK(fresh.valid());
  CHECK(fresh.trace_id.size() == 32);
  CHECK(fresh.trace_id != kTraceId);
  CHECK(fresh.parent_span_id.empty());
  CHECK(TraceContext::Continue("").trace_id != fresh.trace_id);
}

TEST_CASE("traceparent: the current trace is per thread and scoped", "[trace]") {
  CHECK_FALSE(CurrentTrace().valid());
  const TraceContext outer = TraceContext::Start();
  {
    ScopedTrace scope(outer);
    CHECK(CurrentTrace().trace_id == outer.trace_id);
    std::string seen_elsewhere = "unset";
    std::thread([&] { seen_elsewhere = CurrentTrace().trace_id; }).join();
    CHECK(seen_elsewhere.empty());
    {
      ScopedTrace none{TraceContext()};
      CHECK_FALSE(CurrentTrace().valid());
    }
    CHECK(CurrentTrace().trace_id == outer.trace_id);
  }
  CHECK_FALSE(CurrentTrace().valid());
}

}  // namespace
}  // namespace trackenrich::http
