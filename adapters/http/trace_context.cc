#include "adapters/http/trace_context.h"

#include <utility>

#include "absl/random/random.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace trackenrich::http {
namespace {

thread_local TraceContext* current = nullptr;

const TraceContext& NoTrace() {
  static const TraceContext* const none = new TraceContext();
  return *none;
}

bool IsLowerHex(absl::string_view text, size_t length) {
  if (text.size() != length) return false;
  bool all_zero = true;
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    if (c != '0') all_zero = false;
  }
  return !all_zero;
}

std::string RandomHex(size_t bytes) {
  thread_local absl::BitGen bits;
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex(bytes * 2, '0');
  bool all_zero = true;
  // Eight bytes per draw.
  uint64_t word = 0;
  for (size_t i = 0; i < bytes; ++i) {
    if (i % 8 == 0) word = absl::Uniform<uint64_t>(bits);
    const auto byte = static_cast<uint8_t>(word);
    word >>= 8;
    if (byte != 0) all_zero = false;
    hex[2 * i] = kDigits[byte >> 4];
    hex[2 * i + 1] = kDigits[byte & 0xf];
  }
  if (all_zero) hex.back() = '1';
  return hex;
}

}  // namespace

bool ParseTraceparent(absl::string_view header, std::string* trace_id, std::string* parent_span_id,
                      bool* sampled) {
  const std::vector<absl::string_view> fields = absl::StrSplit(header, '-');
  if (fields.size() < 4) return false;
  const absl::string_view version = fields[0];
  if (version.size() != 2 || version == "ff") return false;
  for (char c : version) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  // Version 00 has exactly four fields; later versions may append more.
  if (version == "00" && fields.size() != 4) return false;
  if (!IsLowerHex(fields[1], 32) || !IsLowerHex(fields[2], 16) || fields[3].size() != 2) {
    return false;
  }
  int flags = 0;
  for (char c : fields[3]) {
    int digit = 0;
    if (c >= '0' && c <= '9') {
      digit = c - '0';
    } else if (c >= 'a' && c <= 'f') {
      digit = c - 'a' + 10;
    } else {
      return false;
    }
    flags = flags * 16 + digit;
  }
  *trace_id = std::string(fields[1]);
  *parent_span_id = std::string(fields[2]);
  *sampled = (flags & 1) != 0;
  return true;
}

std::string NewSpanId() { return RandomHex(8); }

std::string TraceContext::OutgoingTraceparent() const {
  return absl::StrCat("00-", trace_id, "-", NewSpanId(), sampled ? "-01" : "-00");
}

TraceContext TraceContext::Start() {
  TraceContext trace;
  trace.trace_id = RandomHex(16);
  trace.span_id = NewSpanId();
  trace.upstream_requests = std::make_shared<std::atomic<int>>(0);
  return trace;
}

TraceContext TraceContext::Continue(absl::string_view traceparent) {
  TraceContext trace;
  if (!ParseTraceparent(traceparent, &trace.trace_id, &trace.parent_span_id, &trace.sampled)) {
    return Start();
  }
  trace.span_id = NewSpanId();
  trace.upstream_requests = std::make_shared<std::atomic<int>>(0);
  return trace;
}

const TraceContext& CurrentTrace() { return current != nullptr ? *current : NoTrace(); }

ScopedTrace::ScopedTrace(TraceContext trace) : previous_(current), trace_(std::move(trace)) {
  current = &trace_;
}

ScopedTrace::~ScopedTrace() { current = previous_; }

}  // namespace trackenrich::http
