#include "services/logging/structured_log.h"

#include <atomic>
#include <memory>
#include <mutex>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "spdlog/formatter.h"
#include "spdlog/sinks/base_sink.h"
#include "spdlog/spdlog.h"

#include "services/logging/log_writer.h"

namespace trackenrich::logging {
namespace {

constexpr char kRpcLogger[] = "rpc";

// The RPC logger once ConfigureLogging ran (kept alive by `Installed`).
std::atomic<spdlog::logger*> rpc_logger{nullptr};
std::atomic<bool> json_format{false};

std::mutex& InstallMutex() {
  static std::mutex* const mu = new std::mutex();
  return *mu;
}

// Every logger ever installed stays alive, so a line being written while the
// loggers are swapped never uses a destroyed one.
std::vector<std::shared_ptr<spdlog::logger>>& Installed() {
  static auto* const loggers = new std::vector<std::shared_ptr<spdlog::logger>>();
  return *loggers;
}

absl::string_view LevelName(spdlog::level::level_enum level) {
  switch (level) {
    case spdlog::level::trace:
      return "trace";
    case spdlog::level::debug:
      return "debug";
    case spdlog::level::info:
      return "info";
    case spdlog::level::warn:
      return "warn";
    case spdlog::level::err:
      return "error";
    case spdlog::level::critical:
      return "critical";
    default:
      return "off";
  }
}

// Every configured logger's lines go through the process's LogWriter, so
// logging never waits on stderr and all lines keep one order.
class WriterSink final : public spdlog::sinks::base_sink<std::mutex> {
 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    spdlog::memory_buf_t formatted;
    formatter_->format(msg, formatted);
    LogWriter::Stderr().Append(absl::string_view(formatted.data(), formatted.size()));
  }
  void flush_() override { LogWriter::Stderr().Flush(); }
};

// "2026-01-31T09:15:02.114Z": the seconds part is formatted once per second
// per thread, the milliseconds by hand.
void AppendTime(absl::Time time, std::string* out) {
  thread_local int64_t cached_second = -1;
  thread_local std::string cached_prefix;
  const int64_t millis = absl::ToUnixMillis(time);
  const int64_t second = millis >= 0 ? millis / 1000 : (millis - 999) / 1000;
  if (second != cached_second) {
    cached_prefix =
        absl::FormatTime("%Y-%m-%dT%H:%M:%S", absl::FromUnixSeconds(second), absl::UTCTimeZone());
    cached_second = second;
  }
  const int fraction = static_cast<int>(millis - second * 1000);
  out->append(cached_prefix);
  out->push_back('.');
  out->push_back(static_cast<char>('0' + fraction / 100));
  out->push_back(static_cast<char>('0' + fraction / 10 % 10));
  out->push_back(static_cast<char>('0' + fraction % 10));
  out->push_back('Z');
}

// One JSON object per line. Lines of the RPC logger carry their fields as
// JSON members already; every other line's text becomes "msg".
class JsonFormatter final : public spdlog::formatter {
 public:
  void format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) override {
    std::string line = "{\"time\":\"";
    AppendTime(absl::FromChrono(msg.time), &line);
    absl::StrAppend(&line, "\",\"level\":\"", LevelName(msg.level), "\",");
    const absl::string_view logger(msg.logger_name.data(), msg.logger_name.size());
    const absl::string_view payload(msg.payload.data(), msg.payload.size());
    if (logger == kRpcLogger) {
      absl::StrAppend(&line, "\"event\":\"rpc\",", payload, "}\n");
    } else {
      absl::StrAppend(&line, "\"logger\":\"", JsonEscape(logger), "\",\"msg\":\"",
                      JsonEscape(payload), "\"}\n");
    }
    dest.append(line.data(), line.data() + line.size());
  }

  std::unique_ptr<spdlog::formatter> clone() const override {
    return std::make_unique<JsonFormatter>();
  }
};

bool IsServerFault(absl::string_view code) {
  return code == "UNAVAILABLE" || code == "INTERNAL" || code == "DEADLINE_EXCEEDED" ||
         code == "RESOURCE_EXHAUSTED" || code == "UNKNOWN" || code == "DATA_LOSS" ||
         code == "FAILED_PRECONDITION" || code == "UNIMPLEMENTED" || code == "ABORTED";
}

void AppendField(std::string* out, absl::string_view name, absl::string_view value) {
  if (!out->empty() && out->back() != '{') out->push_back(',');
  out->push_back('"');
  out->append(name.data(), name.size());
  out->append("\":\"");
  AppendJsonEscaped(value, out);
  out->push_back('"');
}

// Length of the UTF-8 sequence starting at text[i], or 0 when it is not one.
size_t Utf8Length(absl::string_view text, size_t i) {
  const auto byte = static_cast<unsigned char>(text[i]);
  size_t length = 0;
  if (byte >= 0xc2 && byte <= 0xdf) {
    length = 2;
  } else if (byte >= 0xe0 && byte <= 0xef) {
    length = 3;
  } else if (byte >= 0xf0 && byte <= 0xf4) {
    length = 4;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  for (size_t k = 1; k < length; ++k) {
    if ((static_cast<unsigned char>(text[i + k]) & 0xc0) != 0x80) return 0;
  }
  return length;
}

}  // namespace

absl::StatusOr<LogFormat> ParseLogFormat(absl::string_view name) {
  if (name == "json") return LogFormat::kJson;
  if (name == "text") return LogFormat::kText;
  return absl::InvalidArgumentError("must be \"json\" or \"text\"");
}

void ConfigureLogging(LogFormat format) {
  std::lock_guard<std::mutex> lock(InstallMutex());
  const spdlog::level::level_enum level = spdlog::default_logger()->level();
  auto sink = std::make_shared<WriterSink>();
  if (format == LogFormat::kJson) {
    sink->set_formatter(std::make_unique<JsonFormatter>());
  } else {
    sink->set_pattern("[%Y-%m-%d %H:%M:%S.%e] [%n] [%l] %v");
  }
  auto main = std::make_shared<spdlog::logger>("trackenrich", sink);
  auto rpc = std::make_shared<spdlog::logger>(kRpcLogger, sink);
  main->set_level(level);
  rpc->set_level(level);
  Installed().push_back(main);
  Installed().push_back(rpc);
  spdlog::set_default_logger(main);
  json_format = format == LogFormat::kJson;
  rpc_logger = rpc.get();
}

void AppendRpcJsonFields(const RpcLogRecord& record, std::string* out) {
  AppendField(out, "request_id", record.request_id);
  AppendField(out, "tenant", record.tenant);
  AppendField(out, "method", record.method);
  AppendField(out, "code", record.code);
  absl::StrAppend(out, ",\"latency_ms\":", absl::StrFormat("%.3f", record.latency_ms));
  if (!record.message.empty()) AppendField(out, "message", record.message);
  out->append(",\"cache\":[");
  for (size_t i = 0; i < record.cache_layers.size(); ++i) {
    if (i > 0) out->push_back(',');
    out->push_back('"');
    AppendJsonEscaped(record.cache_layers[i], out);
    out->push_back('"');
  }
  absl::StrAppend(out, "],\"upstream_calls\":", record.upstream_calls);
  if (!record.ticket_id.empty()) AppendField(out, "ticket_id", record.ticket_id);
  AppendField(out, "trace_id", record.trace_id);
  AppendField(out, "span_id", record.span_id);
  if (!record.parent_span_id.empty()) AppendField(out, "parent_span_id", record.parent_span_id);
}

std::string RpcJsonFields(const RpcLogRecord& record) {
  std::string out;
  AppendRpcJsonFields(record, &out);
  return out;
}

uint64_t DroppedLogLines() { return LogWriter::StderrDropped(); }

void FlushLogs() { LogWriter::Stderr().Flush(); }

void LogRpc(const RpcLogRecord& record) {
  const spdlog::level::level_enum level =
      IsServerFault(record.code) ? spdlog::level::warn : spdlog::level::info;
  spdlog::logger* rpc = rpc_logger.load();
  if (rpc != nullptr && json_format.load()) {
    if (!rpc->should_log(level)) return;
    // Formatted into a buffer this thread reuses and handed to the writer:
    // no spdlog round trip, no write on this thread.
    thread_local std::string line;
    line.assign("{\"time\":\"");
    AppendTime(absl::Now(), &line);
    absl::StrAppend(&line, "\",\"level\":\"", LevelName(level), "\",\"event\":\"rpc\"");
    AppendRpcJsonFields(record, &line);
    line.append("}\n");
    LogWriter::Stderr().Append(line);
    return;
  }
  spdlog::logger* logger = rpc != nullptr ? rpc : spdlog::default_logger_raw();
  if (!logger->should_log(level)) return;
  std::string text = absl::StrFormat(
      "%s %s %.3fms request_id=%s tenant=%s cache=%s upstream_calls=%d trace_id=%s span_id=%s",
      record.method, record.code, record.latency_ms, record.request_id, record.tenant,
      record.cache_layers.empty() ? "-" : absl::StrJoin(record.cache_layers, ","),
      record.upstream_calls, record.trace_id, record.span_id);
  // Escaped as in JSON, so that no caller-given text can start a new line.
  if (!record.ticket_id.empty()) {
    absl::StrAppend(&text, " ticket_id=\"", JsonEscape(record.ticket_id), "\"");
  }
  if (!record.message.empty()) absl::StrAppend(&text, ": ", JsonEscape(record.message));
  logger->log(level, text);
}

void AppendJsonEscaped(absl::string_view text, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  for (size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      const size_t length = Utf8Length(text, i);
      if (length == 0) {
        out->append("\xef\xbf\xbd");
        ++i;
      } else {
        out->append(text.data() + i, length);
        i += length;
      }
      continue;
    }
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\t':
        out->append("\\t");
        break;
      default:
        if (c < 0x20 || c == 0x7f) {
          out->append("\\u00");
          out->push_back(kHex[c >> 4]);
          out->push_back(kHex[c & 0xf]);
        } else {
          out->push_back(static_cast<char>(c));
        }
    }
    ++i;
  }
}

std::string JsonEscape(absl::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  AppendJsonEscaped(text, &out);
  return out;
}

}  // namespace trackenrich::logging
