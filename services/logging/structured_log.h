// Structured logs on stderr: JSON lines (the default) or plain text, and the
// one line every RPC leaves (services/server, the JSON gateway's calls
// included, since they are RPCs too).
//
//   ConfigureLogging(LogFormat::kJson);      // main, once the config is read
//   LogRpc({.request_id = "4bf92f...", .tenant = "acme", .method = "TrackShipment",
//           .code = "OK", .latency_ms = 3.2, .cache_layers = {"memory"}});
//
// A JSON line:
//   {"time":"2026-01-31T09:15:02.114Z","level":"info","event":"rpc","request_id":"...",
//    "tenant":"acme","method":"TrackShipment","code":"OK","latency_ms":3.2,
//    "cache":["memory"],"upstream_calls":0,"trace_id":"...","span_id":"..."}
// Other log lines are {"time":...,"level":...,"logger":"trackenrich","msg":"..."}.
//
// Lines are written by one thread (log_writer.h), never on the request path;
// when stderr cannot keep up, lines are dropped and counted in /metrics.
//
// What an RPC line holds is chosen to be safe to ship anywhere: identifiers,
// codes and timings; never ticket text, buyer data, API keys or tokens.
#ifndef TRACKENRICH_SERVICES_LOGGING_STRUCTURED_LOG_H_
#define TRACKENRICH_SERVICES_LOGGING_STRUCTURED_LOG_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace trackenrich::logging {

enum class LogFormat { kJson, kText };

// "json" or "text"; INVALID_ARGUMENT otherwise.
absl::StatusOr<LogFormat> ParseLogFormat(absl::string_view name);

// Sends every log line to stderr in `format`, keeping the current level.
// Until it is called (tests that start the service in-process) the RPC lines
// are text on spdlog's default logger.
void ConfigureLogging(LogFormat format);

// Views into the caller's strings: valid for the LogRpc call only.
struct RpcLogRecord {
  absl::string_view request_id;
  absl::string_view tenant;
  absl::string_view method;
  // The canonical code's name: "OK", "NOT_FOUND", ...
  absl::string_view code;
  double latency_ms = 0;
  // The error message for codes other than OK (messages never carry secrets).
  absl::string_view message;
  // How the answer's shipments and orders were served: "upstream" (fetched
  // for this call), "memory", "redis", "coalesced" (another call's fetch),
  // each once, in the order seen; empty when nothing was looked up.
  std::vector<absl::string_view> cache_layers;
  // Upstream HTTP requests sent for this call (0 when served from cache or
  // by another call's request).
  int upstream_calls = 0;
  // The help desk's ticket ID (EnrichTicket), when given.
  absl::string_view ticket_id;
  absl::string_view trace_id;
  absl::string_view span_id;
  absl::string_view parent_span_id;
};

void LogRpc(const RpcLogRecord& record);

// The record's fields as JSON members without the braces
// ("\"request_id\":\"...\",..."), as LogRpc writes them.
std::string RpcJsonFields(const RpcLogRecord& record);
void AppendRpcJsonFields(const RpcLogRecord& record, std::string* out);

// Log lines dropped because stderr could not keep up (LogWriter), for
// /metrics.
uint64_t DroppedLogLines();

// Writes every log line logged so far before returning.
void FlushLogs();

// `text` as the inside of a JSON string: quotes, backslashes and control
// characters escaped, bytes that are not UTF-8 replaced by U+FFFD.
std::string JsonEscape(absl::string_view text);
void AppendJsonEscaped(absl::string_view text, std::string* out);

}  // namespace trackenrich::logging

#endif  // TRACKENRICH_SERVICES_LOGGING_STRUCTURED_LOG_H_
