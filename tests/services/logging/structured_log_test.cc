#include "services/logging/structured_log.h"

#include <catch2/catch.hpp>

#include "boost/json.hpp"

namespace trackenrich::logging {
namespace {

TEST_CASE("logs: JSON escaping keeps every line one valid line", "[logging]") {
  CHECK(JsonEscape("plain") == "plain");
  CHECK(JsonEscape("a\"b\\c") == "a\\\"b\\\\c");
  CHECK(JsonEscape("line\nbreak\r\ttab") == "line\\nbreak\\r\\ttab");
  CHECK(JsonEscape(std::string("nul\0x", 5)) == "nul\\u0000x");
  CHECK(JsonEscape("caf\xc3\xa9") == "caf\xc3\xa9");            // UTF-8 kept
  CHECK(JsonEscape("bad\xff byte") == "bad\xef\xbf\xbd byte");  // not UTF-8: U+FFFD
  CHECK(JsonEscape("cut \xe2\x82") == "cut \xef\xbf\xbd\xef\xbf\xbd");
}

TEST_CASE("logs: an RPC line has every field and parses as JSON", "[logging]") {
  RpcLogRecord record;
  record.request_id = "req-1";
  record.tenant = "acme";
  record.method = "EnrichTicket";
  record.code = "UNAVAILABLE";
  record.latency_ms = 12.5;
  record.message = "ups: upstream said \"no\"\n";
  record.cache_layers = {"memory", "upstream"};
  record.upstream_calls = 3;
  record.ticket_id = "T-42";
  record.trace_id = "4bf92f3577b34da6a3ce929d0e0e4736";
  record.span_id = "00f067aa0ba902b7";
  const auto json = boost::json::parse("{" + RpcJsonFields(record) + "}").as_object();
  CHECK(json.at("request_id").as_string() == "req-1");
  CHECK(json.at("tenant").as_string() == "acme");
  CHECK(json.at("method").as_string() == "EnrichTicket");
  CHECK(json.at("code").as_string() == "UNAVAILABLE");
  CHECK(json.at("latency_ms").as_double() == Approx(12.5));
  CHECK(json.at("message").as_string() == "ups: upstream said \"no\"\n");
  CHECK(boost::json::serialize(json.at("cache")) == R"(["memory","upstream"])");
  CHECK(json.at("upstream_calls").as_int64() == 3);
  CHECK(json.at("ticket_id").as_string() == "T-42");
  CHECK(json.at("trace_id").as_string() == std::string(record.trace_id));
  CHECK(json.at("span_id").as_string() == std::string(record.span_id));
  CHECK_FALSE(json.contains("parent_span_id"));
}

TEST_CASE("logs: the format is json or text", "[logging]") {
  CHECK(*ParseLogFormat("json") == LogFormat::kJson);
  CHECK(*ParseLogFormat("text") == LogFormat::kText);
  CHECK_FALSE(ParseLogFormat("xml").ok());
}

}  // namespace
}  // namespace trackenrich::logging
